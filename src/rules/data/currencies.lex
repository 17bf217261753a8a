# Currency symbols and codes written BEFORE the amount ("$947 million", "USD 200 million",
# "€22m"). Canonical: the ISO 4217 code. Matched case-sensitively.
USD|$|US$|U.S.$
EUR|€
GBP|£
JPY|¥
CAD|C$|CA$
AUD|A$|AU$
CHF
CNY|RMB
INR|₹|Rs.|Rs
SEK
KRW|₩
HKD|HK$
SGD
TWD|NT$
BRL|R$
MXN|MX$
NZD|NZ$
ZAR
NOK
DKK
PLN
