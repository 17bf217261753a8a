# Unit words after a number. Canonical: the unit written in the output.
%|percent|per cent|pct
pp|percentage points|percentage point|ppt|ppts|pts|points
bp|basis points|basis point|bps|bips
days|day
x|times
shares|share|ADSs|ADS|ADRs|American depositary shares|American depositary share
count|employees|employee|people|customers|customers worldwide|clients|stores|restaurants|locations|branches|subscribers|users|members|accounts|patients|hotels|homes|properties|associates|team members|headcount
