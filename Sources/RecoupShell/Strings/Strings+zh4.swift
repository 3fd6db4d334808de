extension ChineseText {
    /// Part 4 of the Chinese catalogue (the English keys in the order of `docs/strings/en.txt`).
    static let part4 = #"""
        en: deposit refunded: {} to {} on {}
        zh: 已退还预付款：{}，退给{}，日期{}

        en: dispute list --all shows every dispute
        zh: dispute list --all 显示全部争议

        en: dispute resolve ID --valid [--credit AMOUNT] | --invalid
        zh: dispute resolve ID --valid [--credit AMOUNT] | --invalid

        en: dispute {} is open: nothing to reopen
        zh: 争议{}仍未解决，无需重新打开

        en: dispute {} was opened on {}, after {}
        zh: 争议{}于{}提出，晚于{}

        en: dispute {} was resolved on {}
        zh: 争议{}已于{}解决

        en: disputes: open ones by default
        zh: 争议：默认只显示未解决的

        en: does a script source itself?
        zh: 脚本是否引用了自身？

        en: down payment due on the start date, e.g. 20% or 5000
        zh: 起始日应付的首付款，例如 20% 或 5000

        en: drop the open scenario and forget it
        zh: 放弃当前打开的模拟方案并将其删除

        en: dropped change {} ('{}'); {} left
        zh: 已删除更改{}（“{}”）；剩余{}项

        en: dun sent C000001 --delivered 2026-11-25 --proof SF1234567890
        zh: dun sent C000001 --delivered 2026-11-25 --proof SF1234567890

        en: dun sent {} lists what was sent
        zh: dun sent {} 列出已发送的内容

        en: dun sent {} shows the steps already recorded
        zh: dun sent {} 显示已记录的步骤

        en: e.g. --reason "contract ended"
        zh: 例如 --reason "合同已终止"

        en: e.g. --term 12
        zh: 例如 --term 12

        en: e.g. --term 3,6,12
        zh: 例如 --term 3,6,12

        en: e.g. --term 6
        zh: 例如 --term 6

        en: e.g. contract check --customer C001 --service saas --value 100000
        zh: 例如 contract check --customer C001 --service saas --value 100000

        en: e.g. {} --principal 48000 --rate 6% --term 12
        zh: 例如 {} --principal 48000 --rate 6% --term 12

        en: e.g. {} C000001
        zh: 例如 {} C000001

        en: e.g. {} {}
        zh: 例如 {} {}

        en: each of fee, interest, principal once, e.g. fee,interest,principal
        zh: fee、interest、principal 各出现一次，例如 fee,interest,principal

        en: empty command
        zh: 空命令

        en: end your claims (logging a contact ends that customer's)
        zh: 释放您认领的客户（记录一次联系即释放对该客户的认领）

        en: entries made on or after this day (UTC)
        zh: 该日（UTC）及之后的记录

        en: entries made on or before this day (UTC)
        zh: 该日（UTC）及之前的记录

        en: every collector's customers (a collector sees their own by default)
        zh: 所有催收员的客户（催收员默认只看到自己的）

        en: every complaint, resolved ones too
        zh: 全部投诉，包括已解决的

        en: every customer
        zh: 全部客户

        en: every customer (the only scope for now)
        zh: 全部客户（目前仅支持此范围）

        en: every customer with open and overdue balances as of a day
        zh: 截至某日有未结及逾期余额的全部客户

        en: every dispute
        zh: 全部争议

        en: every event of a customer's case by day
        zh: 按日期列出客户案件的全部事件

        en: every open claim
        zh: 全部未释放的认领

        en: every overdue contract and customer and every transition, not the summary
        zh: 列出每个逾期合同、客户及每次状态变化，而非汇总

        en: every promise, whatever its status
        zh: 全部还款承诺，不论状态

        en: every request, whatever its status
        zh: 全部请求，不论状态

        en: expected a whole number from 0 to 1000; map another scale onto 0-1000 first
        zh: 应为 0 到 1000 的整数；其他评分刻度请先换算到 0-1000

        en: expected a whole number from 0 to {}
        zh: 应为 0 到 {} 的整数

        en: expected a whole number from {} to {}
        zh: 应为 {} 到 {} 的整数

        en: expected a word index
        zh: 应为词序号

        en: expected collections by month from open invoices and plan installments, weighted by payment history
        zh: 按月预计回款：依据未结发票和分期计划各期应还款项，按付款历史加权

        en: exported {} {} to {}
        zh: 已导出 {} {} 到 {}

        en: extend a complaint's due date, saying why
        zh: 延长投诉的处理期限，并说明原因

        en: fee with every installment; a percentage is of the amount financed
        zh: 每期收取的费用；百分比按融资金额计算

        en: find customers by id prefix, part of the name, or pinyin initials
        zh: 按编号前缀、部分名称或拼音首字母查找客户

        en: first N periods bear no interest
        zh: 前 N 期免息

        en: first N periods pay interest only
        zh: 前 N 期只还利息

        en: first N periods' interest is computed but deferred
        zh: 前 N 期利息照算，但延后支付

        en: first day of the period, YYYY-MM-DD (with --to)
        zh: 期间的第一天，YYYY-MM-DD（与 --to 一起使用）

        en: fix the file and import it again
        zh: 修正文件后重新导入

        en: folder to write the files into (created if missing)
        zh: 写入文件的文件夹（不存在时自动创建）

        en: for a letter: the day it reached the customer
        zh: 信函：送达客户的日期

        en: give --invoice or --plan, not both
        zh: 请指定 --invoice 或 --plan，不能同时指定

        en: give --rate or --monthly-rate, not both
        zh: 请指定 --rate 或 --monthly-rate，不能同时指定

        en: give --valid or --invalid
        zh: 请指定 --valid 或 --invalid

        en: give a CUSTOMER or --all, not both
        zh: 请指定 CUSTOMER 或 --all，不能同时指定

        en: give a month with --period YYYY-MM, or a range with --from DATE --to DATE
        zh: 请用 --period YYYY-MM 指定月份，或用 --from DATE --to DATE 指定范围

        en: give an operator another role
        zh: 更改操作员的角色

        en: give both ends of the range, e.g. --from 2024-01-01 --to 2024-03-31
        zh: 请给出范围的起止日期，例如 --from 2024-01-01 --to 2024-03-31

        en: give it once
        zh: 只能指定一次

        en: give the amount with --principal
        zh: 请用 --principal 指定金额

        en: goods, quantity, price, invoice, delivery, duplicate, paid, service
        zh: goods、quantity、price、invoice、delivery、duplicate、paid 或 service

        en: half-up (default, the Chinese retail convention), half-even or up
        zh: half-up（默认，国内零售惯例）、half-even 或 up

        en: how a customer's kept scores and tiers moved
        zh: 客户已记录的信用评分和信用等级的变化

        en: how a row's payments are split among fee, interest and principal (default: the policy's allocation.order)
        zh: 每期还款在费用、利息和本金之间的分配方式（默认：策略的 allocation.order）

        en: how it was resolved
        zh: 解决方式

        en: how many customers (default 300)
        zh: 客户数量（默认 300）

        en: how much (default: all that is open)
        zh: 金额（默认：全部未结金额）

        en: how much (default: what the payment has left, up to what the invoice has open)
        zh: 金额（默认：该付款的剩余金额，不超过发票的未结金额）

        en: how much to apply (default: what is open, up to what is held)
        zh: 冲抵金额（默认：未结金额，不超过可用金额）

        en: id (default), name, balance, overdue or days (largest first)
        zh: id（默认）、name、balance、overdue 或 days（从大到小）

        en: import customers, contracts, invoices or payments from a CSV file
        zh: 从 CSV 文件导入客户、合同、发票或付款

        en: import of '{}' rejected: {} problem{}{}; the workspace is unchanged
        zh: 导入“{1}”被拒绝：{2} 个问题{4}；工作区未更改

        en: import payments FILE --match
        zh: import payments FILE --match

        en: import the contracts first, or leave contract_id empty
        zh: 请先导入合同，或将 contract_id 留空

        en: import the customers first
        zh: 请先导入客户

        en: import the customers first, or pass --create-customers
        zh: 请先导入客户，或加上 --create-customers

        en: import the invoices first, or leave invoice_id empty
        zh: 请先导入发票，或将 invoice_id 留空

        en: import third-party credit reports (customer_id, score 0-1000, date, agency) from a CSV file
        zh: 从 CSV 文件导入第三方征信报告（customer_id、score 0-1000、date、agency）

        en: increasing whole numbers of days, e.g. 30,60,90
        zh: 递增的整数天数，例如 30,60,90

        en: invalid value '{}' for '--cursor-word'
        zh: “--cursor-word”的值“{}”无效

        en: invalid value '{}' for {}
        zh: {2}的值“{1}”无效

        en: invalid variable name '{}'
        zh: 无效的变量名“{}”

        en: invoice '{}' belongs to customer '{}', not '{}'
        zh: 发票“{}”属于客户“{}”，而非“{}”

        en: invoice '{}' belongs to customer '{}', payment '{}' to '{}'
        zh: 发票“{}”属于客户“{}”，而付款“{}”属于“{}”

        en: invoice '{}' has nothing open
        zh: 发票“{}”没有未结金额

        en: invoice '{}' has nothing open on {}
        zh: 发票“{}”在{}没有未结金额

        en: invoice '{}' has {} open on {}, not the {} the plan restructures
        zh: 截至{3}，发票“{1}”的未结金额为{2}，而非分期计划重组的{4}

        en: invoice '{}' is restructured into plan '{}' already
        zh: 发票“{}”已重组为分期计划“{}”

        en: invoice '{}' is {}'s, not {}'s
        zh: 发票“{}”属于{}，而非{}

        en: invoice id
        zh: 发票编号

        en: invoice list --customer ID [--open]
        zh: invoice list --customer ID [--open]

        en: invoice list --customer ID lists a customer's invoices
        zh: invoice list --customer ID 列出客户的发票

        en: invoice list --customer {} --open
        zh: invoice list --customer {} --open

        en: invoice {} already has dispute {} open since {}; resolve it first (dispute resolve {} ...)
        zh: 发票{}已有争议{}（自{}起未解决）；请先解决（dispute resolve {} ...）

        en: invoice {} was issued on {}, after {}
        zh: 发票{}的开票日期为{}，晚于{}

        en: its new value, e.g. 30,60,90,180
        zh: 新值，例如 30,60,90,180

        en: journal checkpoint --out FILE writes one
        zh: journal checkpoint --out FILE 可生成检查点

        en: journal checkpoint --out recoup-2026-11.checkpoint
        zh: journal checkpoint --out recoup-2026-11.checkpoint

        en: journal entry {} differs from the checkpoint of {}: the journal was rewritten up to it
        zh: 日志条目{}与{}的检查点不一致：日志截至该条目已被改写

        en: journal entry {} does not hold: {}
        zh: 日志条目{}校验不通过：{}

        en: journal entry {} does not hold: {}; no checkpoint written
        zh: 日志条目{}校验不通过：{}；未写入检查点

        en: keys: {}
        zh: 键：{}

        en: last day of the generated history (default 2026-11-30)
        zh: 生成历史数据的最后一天（默认 2026-11-30）

        en: last day of the period, included, YYYY-MM-DD (with --from)
        zh: 期间的最后一天（含当天），YYYY-MM-DD（与 --from 一起使用）

        en: late fees accrued on overdue invoices under their breach clauses, capped and checked against the actual loss
        zh: 逾期发票按违约条款计提的滞纳金，已按上限封顶并与实际损失核对

        en: late fees charged and waived, with days, reasons and who recorded them
        zh: 已收取和已减免的滞纳金，含天数、原因及记录人

        en: later
        zh: 稍后

        en: layout of dates, e.g. M/d/yyyy (default yyyy-MM-dd)
        zh: 日期格式，例如 M/d/yyyy（默认 yyyy-MM-dd）

        en: leave the open scenario without committing; it stays saved under its name to reopen later
        zh: 退出当前模拟方案但不提交；方案以原名保存，可稍后重新打开

        en: leave the shell (Ctrl-D does too)
        zh: 退出 shell（也可按 Ctrl-D）

        en: legal cases with their current step
        zh: 法律案件及其当前步骤

        en: legal list shows the cases
        zh: legal list 显示案件

        en: letting a contract over the limit through needs a reason
        zh: 放行超出额度的合同需要说明原因

        en: list commands, or explain one
        zh: 列出命令，或解释某个命令

        en: list every charge posted, not only the summary
        zh: 列出每笔已入账的费用，而不只是汇总

        en: list every contract, not only those short or without a value
        zh: 列出全部合同，而不只是有缺口或未填金额的合同

        en: list every customer, not only those whose balances change
        zh: 列出全部客户，而不只是余额有变化的客户

        en: log a call, visit, message or letter with a customer
        zh: 记录与客户的电话、拜访、消息或信函

        en: log contacts when they happen; a promise for later is: promise add {} AMOUNT --by DATE
        zh: 联系记录请在发生时登记；以后的还款承诺请用：promise add {} AMOUNT --by DATE

        en: log it despite the contact guard, saying why
        zh: 不顾联系限制仍然记录，并说明原因

        en: make an OS account an operator of this workspace, with a role
        zh: 将操作系统账户设为本工作区的操作员，并指定角色

        en: mark the customer's letters sent by then as delivered that day: a demand for the limitation period
        zh: 将该客户在此日期前发出的信函标记为当日送达：作为诉讼时效内的催告

        en: methods to compare, comma-separated: annuity, equal-principal, flat, interest-free
        zh: 要比较的方式，以逗号分隔：annuity、equal-principal、flat、interest-free

        en: missing argument {} for '{}'
        zh: “{2}”缺少参数{1}

        en: missing option '--cursor-word'
        zh: 缺少选项“--cursor-word”

        en: month (default), week or 2weeks
        zh: month（默认）、week 或 2weeks

        en: monthly interest rate, e.g. 0.5% (the same as --rate 6%)
        zh: 月利率，例如 0.5%（等同于 --rate 6%）

        en: months of expected collections with --cash (default 12)
        zh: 与 --cash 一起使用时预测回款的月数（默认 12）

        en: more than 2 decimal places (amounts are never rounded on import)
        zh: 小数超过 2 位（导入时金额从不四舍五入）

        en: move it away; a new one is made
        zh: 请将其移走；系统会新建一个

        en: name invoices with --invoices ID,...
        zh: 请用 --invoices ID,... 指定发票

        en: no approval '{}'
        zh: 没有审批“{}”

        en: no change {} in scenario '{}'
        zh: 模拟方案“{2}”中没有更改{1}

        en: no collector '{}': no operator has that login and no customer is assigned to it
        zh: 没有催收员“{}”：没有操作员使用该登录名，也没有客户分配给它

        en: no command '{}'
        zh: 没有命令“{}”

        en: no contract '{}'
        zh: 没有合同“{}”

        en: no customer '{}'
        zh: 没有客户“{}”

        en: no customer matches '{}'
        zh: 没有与“{}”匹配的客户

        en: no deposit movement was written
        zh: 未写入预付款变动

        en: no deposit was applied
        zh: 未使用预付款

        en: no dispute '{}'
        zh: 没有争议“{}”

        en: no dunning letter of {} sent by {} is waiting to be marked delivered
        zh: 没有{}在{}之前发出且待标记送达的催款函

        en: no invoice '{}'
        zh: 没有发票“{}”

        en: no invoice '{}' of customer '{}'
        zh: 客户“{2}”没有发票“{1}”

        en: no late fees to post as of {}: none accrued beyond what is posted
        zh: 截至{}没有待入账的滞纳金：计提金额均已入账

        en: no late fees to waive on {}
        zh: {}没有可减免的滞纳金

        en: no legal case '{}'
        zh: 没有法律案件“{}”

        en: no operators: this workspace is single-user ({}); the first 'operator add {} --name NAME --role admin' makes it a team's
        zh: 没有操作员：本工作区为单用户模式（{}）；第一条“operator add {} --name NAME --role admin”会将其变为团队工作区

        en: no plan '{}'
        zh: 没有分期计划“{}”

        en: no scenario is open
        zh: 没有打开的模拟方案

        en: no templates folder '{}'
        zh: 没有模板文件夹“{}”

        en: no variable '{}'
        zh: 没有变量“{}”

        en: no workspace at '{}'
        zh: “{}”处没有工作区

        en: no workspace given
        zh: 未指定工作区

        en: no {} '{}'
        zh: 没有{}“{}”

        en: nominal annual interest rate, e.g. 6% (default 0%)
        zh: 名义年利率，例如 6%（默认 0%）

        en: not a case change: {}
        zh: 不是案件变更：{}

        en: not a correction: {}
        zh: 不是更正：{}

        en: not a team change: {}
        zh: 不是团队变更：{}

        en: not an amount
        zh: 不是有效金额

        en: nothing is due for '{}' on {}
        zh: “{}”在{}没有应付款项

        en: nothing is open on {} on {} to write off
        zh: {}在{}没有可核销的未结金额

        en: nothing to let through: the verdict is {}
        zh: 无需放行：结论为{}

        en: nothing was applied
        zh: 未冲抵任何款项

        en: nothing was changed; fix the file and import it again
        zh: 未做任何更改；请修正文件后重新导入

        en: nothing was waived
        zh: 未减免任何款项

        en: number of calendar months, starting with the month of --as-of (default 12, at most 120)
        zh: 自然月数，从 --as-of 所在月份开始（默认 12，最多 120）

        en: number of installments
        zh: 分期期数

        en: one contract: its breach clauses and its invoices
        zh: 单个合同：违约条款及其发票

        en: one customer's file: contacts, contracts, open invoices, payments, balance
        zh: 单个客户档案：联系记录、合同、未结发票、付款、余额

        en: one dispute and its whole history
        zh: 单个争议及其完整历史

        en: one invoice: amounts, dates, what has paid it
        zh: 单张发票：金额、日期及已支付的款项

        en: one of phone, visit, sms, wechat, email, letter
        zh: 可选值：phone、visit、sms、wechat、email、letter

        en: one plan: its rows, what is paid and open, and its status
        zh: 单个分期计划：各期明细、已付和未结金额及其状态

        en: one request: the change as it was checked, who asked, who decided
        zh: 单个请求：核查时的变更内容、发起人和审批人

        en: only a valid dispute is resolved with a credit note
        zh: 只有成立的争议才能用贷项通知单解决

        en: only accounts owned by this collector
        zh: 仅限该催收员负责的账户

        en: only active, broken or completed plans
        zh: 仅显示进行中（active）、已违约（broken）或已完成（completed）的分期计划

        en: only customers at least N days overdue
        zh: 仅限逾期至少 N 天的客户

        en: only customers owing at least AMOUNT
        zh: 仅限欠款至少 AMOUNT 的客户

        en: only customers with an open balance
        zh: 仅限有未结余额的客户

        en: only customers with an overdue balance
        zh: 仅限有逾期余额的客户

        en: only entries about this customer
        zh: 仅限与该客户相关的记录

        en: only invoices still open as of the day
        zh: 仅限截至该日仍未结清的发票

        en: only one customer's
        zh: 仅限单个客户的

        en: only open complaints past their due date
        zh: 仅限已超过处理期限的未解决投诉

        en: only payments held by matching (matched to nothing)
        zh: 仅限匹配时挂起的付款（未匹配到任何发票）

        en: only the requests I made
        zh: 仅限我发起的请求

        en: only the transitions since the last run (what a nightly script prints)
        zh: 仅限上次运行以来的状态变化（即夜间脚本输出的内容）

        en: only this contract's invoices
        zh: 仅限该合同的发票

        en: only this customer (id, name, part of a name or pinyin initials)
        zh: 仅限该客户（编号、名称、部分名称或拼音首字母）

        en: only this customer's
        zh: 仅限该客户的

        en: only this customer's contracts
        zh: 仅限该客户的合同

        en: only this customer's open amounts (the portfolio's figures still come from everyone)
        zh: 仅限该客户的未结金额（整体组合的数据仍基于全部客户）

        en: only this customer's plans
        zh: 仅限该客户的分期计划

        en: only this operator's
        zh: 仅限该操作员的

        en: only this segment (enterprise, sme, individual, ...)
        zh: 仅限该客户类别（enterprise、sme、individual 等）

        en: open
        zh: 未结

        en: open a dispute (异议) on an invoice, dated
        zh: 对发票提出争议（异议），并注明日期

        en: open a legal case (法律程序) against a customer
        zh: 对客户发起法律案件（法律程序）

        en: open a what-if scenario (a saved one is reopened): changes stay out of the books until commit
        zh: 打开模拟方案（已保存的方案会重新打开）：提交前，更改不会计入账簿

        en: open amounts as of a day: current and days-past-due buckets, by customer, contract, agent or segment
        zh: 截至某日的未结金额：按未到期及逾期天数分段，按客户、合同、催收员或客户类别汇总

        en: open or resolved
        zh: 未解决（open）或已解决（resolved）

        en: opened
        zh: 立案日期

        en: operator add {} --name NAME --role admin, then add the others
        zh: 先执行 operator add {} --name NAME --role admin，再添加其他人

        en: operator list names the team; queue --all shows every collector's customers
        zh: operator list 列出团队成员；queue --all 显示所有催收员的客户

        en: option '{}' is given more than once
        zh: 选项“{}”被指定了多次

        en: option '{}' needs a value
        zh: 选项“{}”需要一个值

        en: option '{}' takes no value
        zh: 选项“{}”不接受值

        en: out (default: we contacted them) or in
        zh: out（默认：我方主动联系）或 in

        en: over the limit with limit.over block: ask for it to be let through (a lead or finance approves; valid 30 days)
        zh: 超出授信额度且 limit.over 为 block：请申请放行（由组长或财务审批；有效期 30 天）

        en: overdue state of every contract and customer, and the transitions since the last run
        zh: 每个合同和客户的逾期状态，以及上次运行以来的状态变化

        en: pass -w PATH or set RECOUP_WORKSPACE; recoup --create -w PATH makes a new one
        zh: 请传入 -w PATH 或设置 RECOUP_WORKSPACE；recoup --create -w PATH 可新建工作区

        en: pay an invoice from the customer's deposit (recorded as a payment DEP-... by method 'deposit')
        zh: 用客户的预付款支付发票（记为付款 DEP-...，付款方式为“deposit”）

        en: pay this installment plan's rows, oldest first
        zh: 支付该分期计划的各期款项，从最早的一期开始

        en: pay this invoice first
        zh: 优先支付该发票

        en: payment '{}' has nothing left to apply
        zh: 付款“{}”已无可冲抵的余额

        en: payment list --customer ID
        zh: payment list --customer ID

        en: payment {} applied a deposit: it is corrected with the deposit's movements
        zh: 付款{}使用了预付款：需通过预付款变动进行更正

        en: payment {} was voided already ({})
        zh: 付款{}已作废（{}）

        en: payments naming no invoice: match by an invoice id in the reference, then by an exact open amount; hold the rest as unapplied cash
        zh: 未指明发票的付款：先按附言中的发票编号匹配，再按完全相同的未结金额匹配；其余作为未核销款项挂起

        en: payments with money not applied to any invoice: held unmatched cash and overpayments
        zh: 有款项未冲抵任何发票的付款：挂起的未匹配款项和多付款项

        en: pending (default), approved, rejected or failed
        zh: pending（默认）、approved、rejected 或 failed

        en: pending, approved, rejected or failed
        zh: pending、approved、rejected 或 failed

        en: pending, kept, broken or cancelled
        zh: pending、kept、broken 或 cancelled

        en: phone, visit, sms, wechat, email or letter
        zh: phone、visit、sms、wechat、email 或 letter

        en: pin today's date for everyone on the workspace, or 'off' for the calendar
        zh: 为工作区所有人固定“今天”的日期，或设为“off”以使用实际日历日期

        en: plan '{}' belongs to customer '{}', not '{}'
        zh: 分期计划“{}”属于客户“{}”，而非“{}”

        en: plan '{}' has {} rows now, fewer than the prepayment keeps
        zh: 分期计划“{}”现在只有{}期，少于提前还款所保留的期数

        en: plan '{}' is paid in full as of {}
        zh: 截至{2}，分期计划“{1}”已全部付清

        en: plan id
        zh: 分期计划编号

        en: plan list shows the plans
        zh: plan list 显示分期计划

        en: plan show {} shows what is paid
        zh: plan show {} 显示已付金额

        en: plan show {} shows what is paid and open
        zh: plan show {} 显示已付和未结金额

        en: plan {} was cancelled already ({})
        zh: 分期计划{}已取消（{}）

        en: plans with what is paid and open, and their status (active, broken, completed)
        zh: 分期计划及其已付、未结金额和状态（active、broken、completed）

        en: policy set overdue.ladder reminder:1,warning:15,suspend:contract
        zh: policy set overdue.ladder reminder:1,warning:15,suspend:contract

        en: policy: {} settings read from {}
        zh: 策略：已从{2}读取{1}项设置

        en: promise {} is {} as of {}; only a pending promise can be cancelled
        zh: 截至{3}，还款承诺{1}的状态为{2}；只有待履行（pending）的还款承诺才能取消

        en: promise {} was made on {}, after {}
        zh: 还款承诺{}于{}作出，晚于{}

        en: promises with their standing and what was appropriated to them
        zh: 还款承诺及其状态和已归入的款项

        en: proof of delivery or acknowledgement: signature, waybill, message id
        zh: 送达或确认凭证：签收、运单号、消息编号

        en: quote a field that contains a comma: "a, b"
        zh: 含逗号的字段请加引号："a, b"

        en: quote an installment plan: schedule, total cost and annualized rate (nothing is written)
        zh: 试算分期付款计划：还款计划表、总成本和年化利率（不写入任何数据）

        en: quote for this customer: the amount defaults to their overdue balance
        zh: 为该客户试算：金额默认为其逾期余额

        en: quoted field is never closed
        zh: 带引号的字段缺少结束引号

        en: random seed (default 20261129)
        zh: 随机种子（默认 20261129）

        en: read a policy TOML file: every value is checked, and all change or none
        zh: 读取策略 TOML 文件：逐项检查所有值，要么全部生效，要么全部不变

        en: recompute the journal's hash chain; with a checkpoint, find cut entries
        zh: 重新计算日志的哈希链；若提供检查点，则找出被截断的条目

        en: record a complaint (投诉), due by its tier's days
        zh: 记录投诉，处理期限按其信用等级对应的天数计算

        en: record a deposit (预付款) received, for one contract or unallocated
        zh: 记录收到的预付款，可归属某个合同或暂不分配

        en: record a payment received (bank transfer, Alipay, WeChat, cash, ...)
        zh: 记录回款（对公转账、支付宝、微信支付、现金等）

        en: record a promise to pay (承诺还款) by a day
        zh: 记录在某日前的承诺还款

        en: record a promise with: promise add {} {} --by {}
        zh: 记录还款承诺：promise add {} {} --by {}

        en: record a step of a legal case, with the statutory clock it starts
        zh: 记录法律案件的一个步骤，及其启动的法定期限

        en: record the payment and the new schedule (one transaction)
        zh: 记录该付款和新的还款计划（同一事务）

        en: record the promises kept and broken by the day and print them (nightly)
        zh: 记录截至当日已履行和已违约的还款承诺并打印（每晚运行）

        en: recorded payment {}: {} from {} on {}
        zh: 已记录回款{}：金额{}，来自{}，日期{}

        en: recoup --create -w {}
        zh: recoup --create -w {}

        en: recoup -w {} opens it
        zh: 用 recoup -w {} 打开

        en: refund deposit to the customer, from one contract's deposit or the unallocated one
        zh: 向客户退还预付款，从某个合同的预付款或未分配的预付款中退还

        en: refund from the deposit held for this contract (default: the unallocated deposit)
        zh: 从该合同的预付款中退款（默认：未分配的预付款）
        """#
}
