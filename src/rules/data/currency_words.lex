# Currency words written AFTER the amount ("nine hundred forty seven million dollars").
# Canonical: the ISO 4217 code.
USD|dollars|dollar|US dollars|U.S. dollars|bucks|buck
EUR|euros|euro
GBP|pounds|pounds sterling|sterling
JPY|yen
CAD|Canadian dollars
AUD|Australian dollars
CHF|Swiss francs|francs
INR|rupees
CNY|renminbi|yuan
KRW|Korean won|won
HKD|Hong Kong dollars
TWD|New Taiwan dollars|Taiwan dollars
BRL|reais|Brazilian reais
SEK|kronor|Swedish kronor
NOK|Norwegian kroner
DKK|Danish kroner
