# Segments and regions named with a metric ("total IPG revenue", "The Americas represented 51%").
# Canonical: what the output says. [kind=region] may stand anywhere in the sentence before the
# number; [kind=line] only right before the metric ("services gross margins"). Acronyms right
# before a metric ("IPG revenue") are segments too, unless listed under [kind=not].
# [kind=month]: months, never a segment nor the last word of one.
[kind=region]
Americas|the Americas
North America|North American
Latin America
South America
EMEA|Europe, Middle East and Africa|Europe, the Middle East and Africa
APAC|Asia Pacific, Japan and China|Asia Pacific Japan China|Asia Pacific, Japan, and China|Asia Pacific|Asia-Pacific|Asia|APJ|APJC
Europe|Western Europe|Eastern Europe
US|United States|U.S.|U.S|domestic
International|outside the US|outside the U.S.|outside the U.S|outside of the U.S.|outside of the U.S|outside of the US|outside the United States|ex-U.S.|ex-U.S|ex-US|non-U.S.|non-U.S|non-US
Japan
China|Greater China
India
Canada
Middle East
UK|United Kingdom|U.K.|U.K
# countries a call may report by
Germany
France
Italy
Spain
Netherlands
Switzerland
Nordics|Nordic region
Ireland
Poland
Brazil
Mexico
Argentina
Chile
Colombia
Korea|South Korea
Taiwan
Australia and New Zealand|Australia/New Zealand|ANZ
Australia
New Zealand
Singapore
Hong Kong
Indonesia
Southeast Asia
Israel
South Africa
Saudi Arabia
[kind=line]
product|products
services|service
service provider|service providers
enterprise
hardware
software
subscription|subscriptions
client funds interest|interest on client funds|client fund interest
license|licenses|licensing
maintenance
cloud
direct-to-consumer|direct to consumer|DTC
consumer
commercial lines
commercial
personal lines
general insurance
life and retirement|life & retirement
switch|switching
routing|router|routers
collaboration
security
wholesale
retail
leasing
property sales
advisory
online|e-commerce|ecommerce
digital
devices
mobile
wireless
gaming
advertising
data center|datacenter
video
networking
automotive
brokerage
public sector
government
small business|small businesses
mid-market
mortgage origination|origination
Card|card|cards|credit card|credit cards
trading
Fixed Income|fixed income|fixed income markets|FICC
Equities|equities|equity markets
Investment Banking|investment banking
pharmacy
front-end|front end|front store
server|servers
streaming
consulting
professional services
servicing|loan servicing
franchise
royalty|royalties
broadband
# a telecom's and a drug maker's lines ("fiber revenue grew 18%", "oncology sales")
fiber|fibre
wireline
postpaid
prepaid
oncology
immunology
neuroscience
vaccines
transaction-based|transactional
# an airline's and a cruise line's ("cargo revenue fell 4%", "ticket revenue growth of 8%")
passenger
cargo
ticket
onboard
[kind=not]
GAAP|IFRS|CER|Statutory|Underlying|Systemwide|System-wide|Companywide|Company-wide|EPS|CEO|CFO|SEC|IR|FX|FY|Q&A|OK|I|A|IT|MRR|ARR|NRR|YTD|LTM|TTM|QTD|YoY|QoQ|PCL|CET1|RWA|APTI
The|Its|Their|Your|We|They|This|That|These|Those|He|She|You|Our|Firm|the Firm|Company|the Company|Group|Bank|Management|Board|Slide|Page|Total|Overall|Consolidated|Moreover|Additionally|Finally|Again|So|And|But|Then|Now|Next|Also|Here
# Months: no segment, nor the end of one ("steady in May and June, July revenue dipped").
[kind=month]
January|February|March|April|May|June|July|August|September|October|November|December
