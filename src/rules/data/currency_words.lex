# Currency words written AFTER the amount ("nine hundred forty seven million dollars").
# Canonical: the ISO 4217 code.
USD|dollars|dollar|US dollars|U.S. dollars
EUR|euros|euro
GBP|pounds|pounds sterling|sterling
JPY|yen
CAD|Canadian dollars
AUD|Australian dollars
CHF|Swiss francs|francs
INR|rupees
CNY|renminbi|yuan
