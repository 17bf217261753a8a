# Capitalised words that start a sentence before a metric but name no segment ("Net revenue",
# "Record revenue", "The non-GAAP tax rate", "Thanks, again, ..."): the metrics.pack rules with
# names=checked (segment_head, segment_topic, ...) do not take them.
# Kept apart from segments.lex, whose terms are matched in any case anywhere.
The|An|Its|Their|Your|This|That|These|Those|Our|We|Each|Every|All|Most|Some|Many
Net|Gross|Organic|Record|Reported|Quarterly|Annual|Monthly|Weekly|Daily|Annualized|Underlying|Core|Comparable|Recurring
Operating|Adjusted|Diluted|Basic|Fiscal|Full|Non-GAAP|Non-interest|Noninterest|Interest|Free
Strong|Cash|Capital|Deferred|Average|Sequential|Sequentially|Last|Year|Quarter|First|Second
Third|Fourth|In|On|For|As|With|By|Through|Via|From|To|At|Of|Both|Combined|Segment|Business|Higher|Lower|Good|Solid
Normalized|Pro|Pretax|Pre-tax|After-tax|Aftertax|Total|Overall|Consolidated|Company|Group|Firm|So|And|But|Now|Also|Accrued|Cash-basis
Ending|Beginning|Opening|Closing|Period-end|Year-end|Quarter-end
COGS|O&M|FX|Pricing|Volume|Volumes|Unit|Units|Shipment|Shipments|Demand|Inflation|Headcount|Vessel|Vessels|Fleet|Ship|Ships|Rig|Rigs|Salaries|Wages|Rent|Depreciation|Amortization|M&A|FIFO|LIFO
While|When|If|Although|Though|Because|Since|After|Before|During|Excluding|Including|Despite|Meanwhile|However|Where|Which|Whose|Whereas|There|Here|Then
Thanks|Thank|Yes|Yeah|Okay|OK|Sure|Well|Great|Right|Finally|Lastly|Next|Again|Frankly|Honestly|Clearly|Obviously|Importantly|Similarly|Likewise|Hi|Hello|Sorry|Absolutely|Perfect|Correct|Exactly|Indeed|Certainly|Look|Listen
Worldwide|Global|Attributable|Weather-normalized|Weather-adjusted|Whole|Entire|Own|Existing|New|Base|Enterprise-wide|Companywide|Company-wide|Firmwide|Firm-wide|Aggregate
Full-year|Half-year|Year-to-date|Quarter-to-date|Month-to-date|QTD|YTD|MTD|LTM|TTM|Year-over-year|Dollar-based|Constant-currency|Like-for-like|Same-store|Same-property|Same-center|Same-community|Same-hotel|Same-restaurant|Same-asset|Same-portfolio|Fourth-quarter|Third-quarter|Second-quarter|First-quarter
# what a heading sentence turns to that is no segment ("Now to our segment results.")
results|segment results|financial results|outlook|guidance|second half|the second half|first half|the first half|back half|the back half|balance sheet|cash flow|questions|Q&A|capital allocation|expenses|highlights|summary|details|the quarter|the year|our outlook|the outlook|segment guidance|our guidance|bottom line|the bottom line|top line|the top line|margins|profitability|income statement|the income statement|P&L|the P&L|liquidity|financial position|our financial position|other items|costs|the numbers|our results|segments|our segments|the segments|businesses|our businesses|business units|our business units|divisions|our divisions|segment performance|segment review
# what revenue comes "from" that is no business ("Revenue from operations was ...")
operations|continuing operations|acquisitions|acquisition|new customers|existing customers|customers
# a label before a colon ("Note: revenue was ..."), no segment
Note|Notes|Reminder|Recall|Remember|Overview|Question|Answer|Source|Agenda|Update|Operator
# what a "-centric" grouping centres on that is no business ("our customer-centric revenue model")
customer-centric|client-centric|user-centric|consumer-centric|member-centric|patient-centric|people-centric|human-centric|investor-centric|shareholder-centric|employee-centric
