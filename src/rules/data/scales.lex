# Scale words after a number: "$947 million", "$1.2B", "$500K", "$1MM", "EUR 22m".
# [exp=N]: the value is multiplied by 10^N. Matching is case-insensitive.
[exp=3]
thousand|thousands|k
[exp=6]
million|millions|mm|mn|mln|mil|m
[exp=9]
billion|billions|bn|b
[exp=12]
trillion|trillions|tn
