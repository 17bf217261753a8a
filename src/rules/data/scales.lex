# Scale words after a number: "$947 million", "$1.2B", "$500K", "$1MM", "EUR 22m"; India's lakh
# (10^5) and crore (10^7): "Rs 12,345 crore", "1.5 lakh crore".
# [exp=N]: the value is multiplied by 10^N. Matching is case-insensitive.
[exp=3]
thousand|thousands|k
[exp=5]
lakh|lakhs|lac|lacs
[exp=6]
million|millions|mm|mn|mln|mil|m
[exp=7]
crore|crores|cr
[exp=9]
billion|billions|bn|b
[exp=12]
trillion|trillions|tn|lakh crore|lakh crores
