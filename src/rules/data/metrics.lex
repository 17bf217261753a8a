# The canonical metric vocabulary: `canonical|synonym|synonym` a line (libpostal style); the
# canonical name is what the output says. [class=...] says which units a metric takes:
#   money (a currency; a % only as "X% of revenue" or a change), per_share, pct (margins, rates),
#   days, count, units (a count said with what it counts: "6,115 homes", not a bare number),
#   shares, ratio (a plain number or a multiple); several classes comma-separated.
# [basis=yes]: the metric can be GAAP/non-GAAP, so it inherits the basis last named in the turn.
# [basis=stated]: a basis only when its own sentence says one ("non-GAAP revenue", "adjusted
#   revenue") or the turn said it of all the figures to come ("on a GAAP basis", "our non-GAAP
#   results"): revenue is the same on every basis for most companies, so the basis of a metric
#   named earlier in the turn ("non-GAAP EPS") is not its revenue's.
# [level=company]: a figure only the whole company has (EPS, cash flow, capex, buybacks, the tax
#   rate): never given the segment a section of the turn is about, only one its sentence names.
# [bottom=1]: a bottom line (net income, expenses, R&D and SG&A, the provision, net charge-offs, the efficiency
#   ratio): said after a line of business named with its revenue, it is the segment's that
#   reported, not the line's.
# [by=level]: a metric said as a verb ("reduce costs"): the amount after "by" is its level, not a
#   change in it (guidance takes "we plan to reduce costs by $750 million" as a target).
# [benefit=-1]: a level said as "a benefit of 13%" is negative (a tax rate that is a benefit).
# [days=dio]: a balance said in days ("inventory of $1.3 billion, or 95 days") is that metric's.
# [rate=nco_rate]: an amount said as a percentage of a balance ("net charge-offs were 0.45% of
#   average loans") is that rate, and so is one said in basis points (never an amount of money).
# [better=lower]: a ratio that improves as it falls (efficiency, combined and loss ratios, churn, days),
#   and an expense (its amount and its share of revenue): "improved 150 basis points" and "60 basis
#   points better than last year" are falls.
# [class=none]: quantities that are not a tagged metric (balances, volumes, subscribers, a part of
#   the provision: "impaired PCL"): a number or change said of them is never given to a metric named
#   earlier in the sentence.
[class=money basis=stated]
revenue|revenues|total revenue|total revenues|net revenue|net revenues|sales|net sales|total sales|top line|home sales revenue|home sales revenues|turnover|organic growth|revenue net of interest expense|revenues net of interest expense|total revenues net of interest expense|total income
[class=money basis=yes]
gross_profit|gross profit|gross profits|gross margin dollars|gross margin dollar|gross profit dollars
transaction_margin|transaction margin dollars|transaction margin dollar
operating_income|operating income|operating profit|income from operations|earnings from operations|EBIT|segment profit|segment's profit|segment's operating profit|EBIT-adjusted|EBITA|operational EBITA
[class=money basis=yes bottom=1]
net_income|net income|net earnings|earnings|net profit|core income|core net income|net profit after tax|NPAT|net profit after taxes|attributable profit|profit attributable to shareholders|profit attributable to equity holders|profit attributable to owners of the parent|net income attributable to owners of the parent|profit attributable to owners of parent
pretax_income|pre-tax income|pretax income|pre-tax profit|pretax profit|profit before tax|profit before taxes|income before taxes|income before income taxes|earnings before taxes|earnings before income taxes|PBT|pre-tax earnings|pretax earnings|EBT|EBT-adjusted
[class=money basis=yes]
ebitda|EBITDA|adjusted EBITDA|OIBDA|adjusted OIBDA|EBITDAR|adjusted EBITDAR|EBITDAC|adjusted EBITDAC|EBITDAaL|adjusted EBITDAaL|property EBITDA|adjusted property EBITDA|property EBITDAR|adjusted property EBITDAR
ptpp|pre-provision profit|PTPP|pre-tax pre-provision profit|pre-tax, pre-provision profit|pre-provision net revenue|PPNR|pre-tax pre-provision earnings
[class=money basis=yes bottom=1 better=lower]
operating_expenses|operating expenses|operating expense|opex|total operating expenses|operating costs|expenses|expense|adjusted expense|adjusted expenses|noninterest expense|non-interest expense|noninterest expenses|non-interest expenses|total expenses|total expense|reported expenses|reported expense|O&M expense|O&M expenses|O&M costs|operations and maintenance expense|operations and maintenance expenses|operation and maintenance expense|operation and maintenance expenses|operations and maintenance costs
[class=money basis=yes bottom=1 better=lower]
r_and_d|R&D|R&D expenses|R&D expense|research and development|research and development expenses|research and development expense|R&D spending|research and development spending|technology and development|technology and development expense|technology and development expenses
s_and_m|sales and marketing|advertising, promotional and selling expenses|advertising, promotional and selling expense|advertising, promotion and selling expenses|advertising and promotional expenses|advertising and promotional expense|advertising and promotion expenses|advertising and promotion expense|sales and marketing expenses|S&M|sales and marketing expense|marketing expense|marketing expenses|selling expense|selling expenses|selling and marketing|selling and marketing expense|selling and marketing expenses
fulfillment_expense|fulfillment expense|fulfillment expenses|fulfillment costs|fulfillment cost
technology_and_content|technology and content|tech and content|technology and content expense|technology and content expenses
g_and_a|G&A|general and administrative|G&A expenses|general and administrative expenses|G&A expense|general and administrative expense
corporate_expenses|corporate expenses|corporate expense|unallocated corporate expenses|unallocated corporate costs|corporate costs|corporate overhead|corporate and other expenses
sga|SG&A|selling, general and administrative|selling, general and administrative expenses|selling, general and administrative expense|SG&A expenses|SG&A expense|selling, administrative and general|selling, administrative and general expenses|selling, administrative and general expense|SAG expenses|selling and administrative expenses|selling and administrative expense|selling, general, and administrative expenses|selling, general, and administrative expense
[class=money basis=yes level=company]
other_income|net interest and other income|interest and other income|other income|interest income|other income and expense|other income and expenses|other income (expense)|other income/expense|OI&E|net OI&E
interest_expense|interest expense|net interest expense
# a line some companies guide to whole: interest expense with taxes and other items, not interest alone
interest_taxes_and_other|interest expense, taxes and other|interest expense, taxes, and other|interest, taxes and other
[class=money basis=stated]
stock_compensation|stock-based compensation|stock based compensation|share-based compensation|stock-based compensation expense|share-based compensation expense
[class=money basis=no]
net_interest_income|net interest income|NII|net interest revenue|net interest revenues
non_interest_revenue|non-interest revenue|noninterest revenue|non-interest income|noninterest income|NIR|non-NII revenue|non-NII revenues
fee_income|fee income|fee revenue|fee revenues|total fees|fees and commissions|IB fees|investment banking fees|asset management fees|advisory fees|underwriting fees|net commission income|commission income|net fee and commission income|fee and commission income|net fee income|net fees and commissions
# an insurer's income from its investment portfolio (not a bank's net interest income), on a
# basis its sentence names ("on an APTI basis": adjusted pre-tax income)
[class=money basis=stated]
net_investment_income|net investment income
[class=money basis=no level=company]
cash_flow_from_operations|cash flow from operations|cash flows from operations|operating cash flow|operating cash flows|cash from operations|cash generated from operations|cash flow from operating activities|cash flows from operating activities|cash from operating activities|cash provided by operating activities|cash generated from operating activities|cash flow|net cash provided by operating activities|net cash from operating activities|net cash generated from operating activities|net cash from operations|net cash provided by operations|net cash generated from operations|net cash flow from operations|net cash flows from operations|net cash flow from operating activities|net cash flows from operating activities|cash provided by operations|cash generated by operations|cash generated by operating activities|cash provided from operations
free_cash_flow|free cash flow|FCF
[class=money basis=no]
arr|annual recurring revenue|annualized recurring revenue|ARR
net_new_arr|net new ARR|net new annual recurring revenue|net-new ARR
billings|billings|total billings|calculated billings
[class=money basis=no level=company]
capex|capital expenditures|capex|cap ex|capital expenditure|capital spending|cash paid for PP&E|cash paid for property and equipment|purchases of property and equipment|purchases of property, plant and equipment|additions to property and equipment|capital budget|capex budget|capital expenditure budget|capital investment|capital investments|facility investment|facilities investment|capital and exploration expenditure|capital and exploration expenditures|capital and exploratory expenditure|capital and exploratory expenditures
maintenance_capex|maintenance capex|maintenance capital expenditures|maintenance cap ex|recurring capex|recurring capital expenditures
[class=money basis=no]
d_and_a|depreciation and amortization|D&A|depreciation and amortization expense
restructuring|restructuring charges|restructuring charge|restructuring costs|restructuring expenses|restructuring expense|pretax restructuring charges
# Savings looked ahead to are a target, a program's size: no period unless the sentence names one
# ("we aim to take out $250 million of costs"; [period=target]).
[class=money basis=no level=company period=target]
cost_savings|cost savings|operating expense savings|expense savings|opex savings|cost reduction|cost reductions|cost cuts|cost synergies|run-rate savings|cost saves|gross cost saves|productivity savings
[class=money basis=no level=company]
cash_and_investments|cash|cash and investments|cash and cash equivalents|cash, cash equivalents and investments|cash and marketable securities|cash and short-term investments|cash, cash equivalents
# Savings said as the verb: "we plan to reduce costs by $750 million" is that much saved
# ([by=level]: the amount after "by" is the savings, not a change in them).
[class=money basis=no level=company as=cost_savings by=level period=target]
cost_cutting|reduce costs|reducing costs|reduced costs|reduce our costs|reducing our costs|reduced our costs|cut costs|cutting costs|cut our costs|reduce our cost base|reducing our cost base|reduced our cost base|lower costs by|lowering costs by|reduce cash spend|reducing cash spend|reduced cash spend|reduce our cash spend|reducing our cash spend|cut cash spend|cutting cash spend
[class=money basis=no]
deferred_revenue|deferred revenue|deferred revenues|unearned revenue
# (orders and backlog in units too: a homebuilder's "net new orders rose 4% to 6,115 homes")
[class=money,units basis=no]
bookings|bookings|orders|order intake|new business bookings
backlog|backlog|backlogs|remaining performance obligations|remaining performance obligation|future revenue under contract|revenue under contract|RPO|current remaining performance obligation|current remaining performance obligations|cRPO|current RPO|CRPO|contracted-not-recognized revenue|contracted not recognized revenue|commercial remaining performance obligation
[class=money basis=no level=company]
debt|total debt|long-term debt|borrowings
net_debt|net debt|net indebtedness|net financial debt|net interest-bearing debt|net interest bearing debt
# (net cash, the cash left after the debt: net debt, negative; not the cash flows of a statement)
[class=money basis=no level=company as=net_debt sign=-1]
net_cash|net cash|net cash position|net cash balance
[class=money basis=no level=company days=dio]
inventory|inventory|inventories|merchandise inventory|merchandise inventories
[class=money basis=no level=company days=dso]
accounts_receivable|accounts receivable|receivables
[class=money basis=no level=company days=dpo]
accounts_payable|accounts payable|payables
[class=money,per_share basis=no restate=no level=company]
buyback_price|average price paid|average repurchase price|average buyback price|average price per share|average price of
[class=money,shares basis=no level=company]
buyback|repurchased|repurchase|repurchases|buyback|buybacks|share repurchase|share repurchases|bought back|buying back|buy back
# [period=none]: a program's size, which belongs to no quarter (unless the sentence names one)
[class=money,shares basis=no period=none level=company]
buyback_authorization|buyback authorization|intention to repurchase|intention to buy back|repurchase up to|buy back up to|repurchase authorization|share repurchase authorization|stock repurchase authorization|authorization|authorized the repurchase of|authorized the repurchase|authorized repurchases of|authorized a new share repurchase program of|repurchase program of|buyback program of|share repurchase program of|share buyback of up to|buyback of up to|buyback programme of up to|buyback program of up to|share buyback programme of up to|share buyback program of up to
[class=money,per_share basis=no level=company]
dividend|dividend|dividends|dividend per share|dividends per share|cash dividend|cash dividends
[class=money basis=no level=company]
capital_return|capital return|capital returns|return of capital|total cash return|shareholder returns|dividends and share repurchases|dividends and repurchases|dividends and buybacks|share repurchases and dividends|repurchases and dividends|buybacks and dividends|dividends and share buybacks|share buybacks and dividends|buyback and dividends|dividends and buyback|dividends and stock buybacks|dividends and stock repurchases|stock buybacks and dividends|stock repurchases and dividends
[class=money,per_share basis=no]
ffo|FFO|AFFO|core FFO|funds from operations|adjusted funds from operations
[class=per_share basis=no as=ffo]
ffo_per_share|FFO per share|core FFO per share|AFFO per share|funds from operations per share|adjusted funds from operations per share
[class=money,per_share basis=no]
distributable_cash_flow|distributable cash flow|distributable cash flows|DCF
[class=per_share basis=no as=distributable_cash_flow]
dcf_per_share|DCF per share|distributable cash flow per share
[class=per_share basis=yes level=company]
eps|EPS|earnings per share|diluted EPS|earnings per diluted share|net income per share|diluted earnings per share|net income per diluted share|net earnings per share|diluted net earnings per share|net earnings per diluted share|earnings per common share|diluted earnings per common share|EPS-diluted|EPS-diluted-adjusted|profit per share|profit per diluted share|earnings per ADS|basic earnings per ADS|diluted earnings per ADS|net income per ADS|diluted net income per ADS|earnings per ADR|net income per ADR|earnings per American depositary share|basic earnings per share|basic EPS
# Losses: the metric output is the income line in `as=`, and its levels are negative ("a net loss
# of $12.5 million" is net_income -12500000; "a loss of $0.08 per share" is eps -0.08). A net loss
# takes a basis only as said ("Adjusted EBITDA was $104 million. Net loss was $8 million": GAAP).
[class=money basis=stated as=net_income sign=-1]
net_loss|net loss|net losses
[class=money basis=yes as=other_income sign=-1 level=company]
other_expense|other expense|other expenses|OI&E expense|net OI&E expense
[class=money basis=yes as=pretax_income sign=-1 bottom=1]
pretax_loss|pre-tax loss|pretax loss|loss before taxes|loss before income taxes|pre-tax losses|pretax losses
[class=money basis=yes as=operating_income sign=-1]
operating_loss|operating loss|operating losses|loss from operations
[class=per_share basis=yes as=eps sign=-1 level=company]
loss_per_share|loss per share|net loss per share|loss per diluted share|net loss per diluted share|diluted loss per share|diluted net loss per share
[class=money basis=stated]
comparable_sales|comparable sales|comparable store sales|comparable-store sales|same-store sales|same store sales|same-store revenue|same store revenue|same-store revenues|same store revenues|comp sales|comp store sales|like-for-like sales|like-for-likes|LFL sales|same-restaurant sales|comparable restaurant sales|comps|identical sales|identical store sales|identical-store sales
[class=money basis=yes better=lower]
cost_of_revenue|cost of revenue|cost of revenues|cost of sales|cost of goods sold|COGS
traffic_acquisition_costs|traffic acquisition costs|traffic acquisition cost
[class=money basis=no]
working_capital|working capital|net working capital
asp|average selling price|average selling prices|ASP|ASPs|average sales price|average sales prices
gmv|GMV|gross merchandise volume|gross merchandise value
noi|NOI|net operating income|same-store NOI|same store NOI|same-property NOI|cash NOI
revpar|RevPAR|revenue per available room|RevPAR growth
adr|ADR|average daily rate|average daily rates
premiums_written|net written premiums|net premiums written|gross written premiums|gross premiums written|written premiums|premiums written|net written premium|gross written premium|written premium
premiums_earned|net earned premiums|net premiums earned|earned premiums|premiums earned
arpu|ARPU|average revenue per user|average revenue per unit|ARPA|average revenue per account|revenue per active buyer|revenue per buyer|revenue per active customer|revenue per customer|revenue per user|revenue per member|revenue per subscriber|average revenue per membership|revenue per membership
rasm|RASM|TRASM|PRASM|revenue per available seat mile|total revenue per available seat mile
casm|CASM|CASM-ex|cost per available seat mile
[class=money basis=no rate=pcl_rate bottom=1 benefit=-1]
provision_for_credit_losses|provision for credit losses|cost of credit|credit costs|provisions for credit losses|credit loss provision|credit loss provisions|provision for loan losses|loan loss provision|loan loss provisions|PCL|PCLs|credit loss expense|credit loss expenses|provision expense|provision for credit loss expense|credit provision|credit provisions
[class=money basis=no]
impairment|impairment charge|impairment charges|goodwill impairment|goodwill impairment charge|asset impairment|asset impairments
[class=money basis=no level=company]
allowance_for_credit_losses|allowance for credit losses|allowance for loan losses|allowance for loan and lease losses|ALLL
[class=money basis=no rate=nco_rate bottom=1]
net_charge_offs|net charge-offs|net charge offs|NCOs|net credit losses|NCLs
[class=per_share basis=no level=company]
book_value_per_share|book value per share|book value per common share|BVPS
tbvps|tangible book value per share|tangible book value per common share|TBVPS
[class=ratio level=company]
net_leverage|net leverage|net leverage ratio|net debt to EBITDA|net debt-to-EBITDA|net debt to adjusted EBITDA|net debt to annualized adjusted EBITDA|net debt to annualized EBITDA
[class=pct basis=no]
occupancy|occupancy rate|average occupancy|hotel occupancy|hotel occupancy rate
load_factor|load factor|load factors
[class=pct basis=no better=lower]
combined_ratio|combined ratio|accident year combined ratio
loss_ratio|loss ratio|benefit ratio|benefits ratio|loss and LAE ratio|loss and loss adjustment expense ratio|medical loss ratio|medical care ratio|MLR|medical benefit ratio|medical benefits ratio|MBR|medical cost ratio
expense_ratio|expense ratio|underwriting expense ratio|general operating expense ratio|GOE ratio|operating cost ratio|adjusted operating cost ratio|operating expense ratio
[class=pct basis=no level=company]
cet1_ratio|CET1 ratio|CET 1 ratio|CET1|CET 1|common equity tier 1 ratio|common equity tier 1|CET1 capital ratio|common equity Tier 1 capital ratio
lcr|liquidity coverage ratio|LCR|average liquidity coverage ratio|average LCR
nsfr|net stable funding ratio|NSFR
[class=pct basis=no]
payout_ratio|payout ratio|dividend payout ratio
take_rate|take rate
nco_rate|net charge-off rate|NCO rate|net charge-off ratio|charge-off rate|net credit loss rate|NCL rate|net write-off rate|write-off rate
pcl_rate|PCL ratio|PCL rate|provision ratio|provision rate|provision for credit losses ratio|loan loss provision ratio
[class=pct basis=yes]
gross_margin|gross margin|gross margins|gross profit margin|gross profit margins|gross profit rate|gross margin rate|gross margin percentage|gross profit percentage
operating_margin|operating margin|operating margins|segment margin|segment margins|operating profit margin|operating profit margins|operating income margin|EBIT margin|EBIT margins|operating profit rate|operating margin rate|EBIT-adjusted margin|EBIT-adjusted margins|EBITA margin|EBITA margins|operational EBITA margin
net_margin|net margin|net margins|net profit margin|net income margin
pretax_margin|pre-tax margin|pretax margin|pre-tax margins|pretax margins|pre-tax profit margin|pretax profit margin
restaurant_margin|restaurant-level operating margin|restaurant-level margin|restaurant level operating margin|restaurant level margin|restaurant margin|restaurant-level profit margin|restaurant operating margin
contribution_margin|contribution margin|contribution margins
ebitda_margin|EBITDA margin|EBITDA margins|adjusted EBITDA margin|adjusted EBITDA margins|EBITDAC margin|adjusted EBITDAC margin|property EBITDA margin|adjusted property EBITDA margin
[class=pct basis=yes level=company]
fcf_conversion|free cash flow conversion|FCF conversion|free cash flow conversion rate|cash conversion|cash conversion rate
# (a free cash flow margin, as free cash flow, takes a basis only as said of it)
[class=pct basis=no level=company]
fcf_margin|free cash flow margin|free cash flow margins|FCF margin|FCF margins
[class=pct basis=stated]
net_interest_margin|net interest margin|NIM
roe|return on equity|ROE|return on average equity|return on common equity|return on average common equity|return on segment common equity|return on segment equity
rotce|return on tangible common equity|ROTCE|return on tangible equity|RoTE|ROTE|return on average tangible common equity|return on average tangible equity
return_on_cet1|return on CET1 capital|return on CET1|RoCET1|return on common equity tier 1 capital
roic|return on invested capital|ROIC
roa|return on assets|return on average assets|ROA|ROAA
[class=pct basis=yes level=company benefit=-1]
tax_rate|tax rate|effective tax rate|tax provision rate|effective tax provision rate
[class=pct basis=yes bottom=1 better=lower]
operating_ratio|operating ratio|operating ratios|adjusted operating ratio
efficiency_ratio|efficiency ratio|adjusted efficiency ratio|cost-to-income ratio|cost/income ratio|cost income ratio|cost:income ratio|cost: income ratio
[class=pct basis=no]
net_revenue_retention|net revenue retention|dollar-based net revenue retention|net dollar retention|dollar-based net retention|net retention rate|NRR
[class=pct basis=no better=lower]
attrition|attrition|revenue attrition|attrition rate|churn|churn rate|revenue churn|customer churn|gross churn
[class=days level=company better=lower]
dso|DSO|DSOs|days sales outstanding|days of sales outstanding|days services outstanding|days service outstanding
dio|DIO|days inventory outstanding|days of inventory outstanding|days of inventory|inventory days|days in inventory
[class=days level=company]
dpo|DPO|days payable outstanding|days payables outstanding|accounts payable days|payable days|payables days
[class=count level=company]
headcount|head count|employees|employee count|workforce
[class=shares level=company]
share_count|share count|shares outstanding|diluted shares|diluted share count|weighted average shares
[class=ratio]
book_to_bill|book-to-bill|book-to-bill ratio
[class=none]
other_quantity|fuel price|average fuel price|fuel price per gallon|average fuel cost per gallon|retention|client retention|customer retention|retention rate|worksite employees|worksite employee|bad debt|bad debts|bad debt expense|in-transit inventory|in-transit inventories|inventory in transit|debt markets|debt market|other cost of revenues|other cost of revenue|other costs of revenue|other cost of sales|other operating expenses|other operating expense|income tax expense|income tax expenses|tax expense|tax expenses|provision for income taxes|one-time expense|one-time expenses|integration-related expenses|integration-related expense|transaction-related expenses|transaction-related expense|deal-related expenses|merger-related expenses|integration expenses|acquisition-related expenses|compensation expense|compensation expenses|employee-related expenses|employeerelated expenses|volume-related expenses|revenue-related expenses|legal expense|legal expenses|litigation expense|litigation expenses|litigation costs|litigation cost|brokerage expense|spending|headcount investments|headcount additions|earnings estimates|estimates|consensus estimates|future revenue|recognized as revenue|inventory turns|net new assets|net new money|net inflows|balances|loan balances|restricted cash|cash held in escrow|sales pipeline|pipeline|sales volume|sales volumes|inventory reserve|inventory reserves|debt restructuring|non-routine expenses|non-recurring expenses|cash trading|deposit balances|balance growth|loans|average deposits|total deposits|spend|spend volumes|volumes|volume|property sales|property sales volume|property sales volumes|originations|loan originations|origination volume|origination volumes|unit sales|units|shipments|bit shipments|shipment quantities|shipment quantity|shipment volumes|bits|bit growth|subscribers|subscriptions|paid subscribers|users|assets under management|AUM|transactions|traffic|bad debt expense|net debt to total capital|debt to capital|CET1 capital|CET 1 capital|Tier 1|Tier 1 capital|total capital ratio|Tier 1 capital ratio|Tier 1 ratio|leverage ratio|RWA|risk-weighted assets|energy costs|energy cost|energy expenses|energy expense|fuel costs|fuel cost|fuel expense|fuel expenses|cost inflation|inflation|input cost inflation|commodity inflation|wage inflation|capacity|available seat miles|ASMs|input costs|freight costs|commodity costs|labor costs|wage costs|expense incurred|expenses incurred|costs incurred|cost incurred|capital expenditures incurred|capex incurred|cash usage|free cash usage|cash burn|burn rate|gross burn|operational burn|operating burn|cash costs|cash cost|CET1 requirement|CET1 ratio requirement|CET1 capital ratio requirement|capital ratio requirement|capital requirement|regulatory minimum|traffic|customer traffic|store traffic|guest traffic|average ticket|transaction count|impaired PCL|performing PCL|PCL on impaired loans|PCL on performing loans|impaired provisions|performing provisions|compensation and benefits expense|compensation and benefits expenses|compensation and benefits|communities|active communities|community count|orders per community|absorption pace|absorption rate|revenue per hundredweight|revenue per shipment|revenue per ton|revenue ton-miles|revenue ton miles|RTMs|RTM|tons per day|tonnage|revenues per diem|revenue per diem|onboard revenues per diem|net yields|net yield|lease operating expenses|lease operating expense|LOE|revenue pace|group revenue pace|group pace|booking pace|bookings pace|rental rate|rental rates|cash rental rate|cash rents|cash rent|rents|cash leasing spreads|leasing spreads|rent spreads|rental rate increases|cash rental rate increases|gross profit per unit|gross profit per vehicle|gross profit per vehicle retailed|gross profit per new vehicle|gross profit per used vehicle|GPU|systemwide sales|system-wide sales|system sales|systemwide sales growth|retail electric sales|electric sales|electricity sales|weather-normalized sales|weather normalized sales|weather-normalized retail sales|weather normalized retail sales|weather-normalized retail electric sales|kilowatt-hour sales|net cash used in operating activities|net cash used in investing activities|net cash used in financing activities|net cash provided by investing activities|net cash provided by financing activities|net cash used for investing activities|net cash used for financing activities|net cash flow|net cash flows|net cash inflow|net cash inflows|net cash outflow|net cash outflows|net cash proceeds|net cash interest|revenue per piece|revenue per package|revenue per parcel|revenue per shipment|revenue per load|revenue per car|revenue per carload|revenue per mile|revenue per loaded mile|revenue per total mile|revenue per tractor|revenue per truck|revenue per loaded mile excluding fuel|cash remuneration|transaction expense|transaction expenses|transaction expense rate|backlog pricing|backlog price|backlog prices|gross gaming revenue|gross gaming revenues|GGR|dealer inventory|dealer inventories|dealer stock|days supply|days of supply|days' supply
