extension ChineseText {
    /// The terms tables show (states, kinds, steps, roles), and the shell's own lines.
    static let terms = #"""
        en: --check needs something to check
        zh: --check 需要要检查的内容

        en: recoup --check -f FILE, recoup --check -c 'COMMAND', or a script on standard input
        zh: recoup --check -f FILE、recoup --check -c 'COMMAND'，或从标准输入提供脚本

        en: {}: {} commands parse
        zh: {}：{} 条命令均可解析

        en: {}: {} of {} commands do not parse; nothing was run
        zh: {}：{} 条命令中有 {} 条无法解析，未执行任何命令

        en: note: scenario '{}' was still open: kept with its {} change(s); 'whatif begin {}' reopens it
        zh: 提示：模拟方案“{}”仍未关闭，已连同其 {} 项更改保存；“whatif begin {}”可重新打开

        en: Recoup on {} · 'help' lists commands, Tab completes, Ctrl-D leaves
        zh: Recoup 工作区 {} · “help”列出命令，Tab 补全，Ctrl-D 退出

        en: Due on
        zh: 到期日

        en: a positive amount like 5000, 5000.50, 5,000.50, ¥5,000 or 5000元
        zh: 正数金额，如 5000、5000.50、5,000.50、¥5,000 或 5000元

        en: broke a promise of ¥{} due {}
        zh: 未兑现 {2} 到期的 ¥{1} 还款承诺

        en: down ¥{} in {} days
        zh: {2} 天内减少 ¥{1}

        en: paid {} % of what fell due 90+ days ago
        zh: 90 天前到期的款项已付 {} %

        en: plan {} broken
        zh: 分期计划 {} 已违约

        en: promised ¥{} by {} (ranked lower)
        zh: 承诺于 {2} 前还款 ¥{1}（优先级降低）

        en: promised ¥{} by {}, ¥{} paid so far (ranked lower)
        zh: 承诺于 {2} 前还款 ¥{1}，已付 ¥{3}（优先级降低）

        en: suspended {}
        zh: 已暂停服务：{}

        en: up ¥{} in {} days
        zh: {2} 天内增加 ¥{1}

        en: ¥{} disputed (ranked lower)
        zh: 争议中 ¥{}（优先级降低）

        en: ¥{} overdue {} day{}
        zh: 逾期 ¥{1}，{2} 天

        en: ¥{} unapplied credit
        zh: 未分配款项 ¥{}

        en: Expected collections as of {}
        zh: 截至 {} 的预计回款

        en: Expected collections as of {} for {}
        zh: 截至 {1} {2} 的预计回款

        en: {} (█ both, ▒ more in the scenario, ░ less)
        zh: {}（█ 两者相同，▒ 方案多出，░ 方案减少）

        en: import it again
        zh: 请重新导入

        en: remove the control characters from the file
        zh: 请删除文件中的控制字符

        en: Calls for {}: {} of {}
        zh: {1} 的催收电话：共 {3} 个，显示 {2} 个

        en: Calls for {}, agent {}: {} of {}
        zh: {1} 催收员 {2} 的催收电话：共 {4} 个，显示 {3} 个

        en: taken by {} for {} minutes (queue --release, or log the contact, to end it)
        zh: 已由 {} 领取 {} 分钟（queue --release 或记录联系后释放）

        en: 1 request waits for your approval (approval list)
        zh: 1 项申请等待你审批（approval list）

        en: {} requests wait for your approval (approval list)
        zh: {} 项申请等待你审批（approval list）

        en: Overdue as of {}
        zh: 截至 {} 的逾期情况

        en: Overdue as of {} ({})
        zh: 截至 {} 的逾期情况（{}）

        en: Transitions since the last run ({})
        zh: 自上次运行以来的状态变化（{}）

        en: dry run: not recorded
        zh: 试运行：未记录

        en: what-if: not recorded
        zh: 模拟：未记录

        en: bad value '{}' for pager
        zh: pager 的值“{}”无效

        en: every section in full: a table is otherwise folded to fit one screen (45 rows when not at a terminal)
        zh: 完整显示每个部分：否则表格会折叠以适合一屏（不在终端时为 45 行）

        en: less -FRX
        zh: less -FRX

        en: … {} more: customer show {} --full
        zh: ……另有 {} 行：customer show {} --full

        en: deposit ratio (预付比例) required of a tier {} customer for {} contracts; a contract's prepay_ratio overrides
        zh: {} 级客户签订 {} 合同须交的预付比例；合同自身的 prepay_ratio 优先

        en: Late fees accrued, not yet posted
        zh: 已产生未计收的滞纳金

        en: Principal
        zh: 本金

        en: acknowledgement
        zh: 债务确认

        en: active
        zh: 履行中

        en: admin
        zh: 管理员

        en: annuity
        zh: 等额本息

        en: apply
        zh: 抵扣

        en: approved
        zh: 已批准

        en: auditor
        zh: 审计员

        en: broken
        zh: 已违约

        en: call
        zh: 电话催收

        en: cancelled
        zh: 已取消

        en: closed
        zh: 已结案

        en: collector
        zh: 催收员

        en: completed
        zh: 已完成

        en: complex
        zh: 复杂

        en: contract
        zh: 合同

        en: current
        zh: 正常

        en: delivery
        zh: 交付

        en: demand
        zh: 催告

        en: demand-letter
        zh: 催款函

        en: duplicate
        zh: 重复开票

        en: email
        zh: 电子邮件

        en: enforcement
        zh: 强制执行

        en: equal-principal
        zh: 等额本金

        en: expired
        zh: 已过时效

        en: expired_acknowledged
        zh: 过时效后已确认

        en: failed
        zh: 失败

        en: final_notice
        zh: 最后催告函

        en: finance
        zh: 财务

        en: flat
        zh: 固定费用

        en: goods
        zh: 货物

        en: in
        zh: 来电

        en: interest-free
        zh: 免息

        en: invalid
        zh: 不成立

        en: invoice
        zh: 发票

        en: judgment
        zh: 判决

        en: kept
        zh: 已履行

        en: lawyer-letter
        zh: 律师函

        en: lead
        zh: 组长

        en: legal
        zh: 法律程序

        en: legal_review
        zh: 法律审查

        en: letter
        zh: 催款函

        en: mediation
        zh: 调解

        en: out
        zh: 去电

        en: paid
        zh: 已付款

        en: part_payment
        zh: 部分付款

        en: payment-order
        zh: 支付令

        en: payment_order
        zh: 支付令

        en: pending
        zh: 待定

        en: phone
        zh: 电话

        en: plan
        zh: 分期计划

        en: policy
        zh: 策略

        en: preservation
        zh: 财产保全

        en: price
        zh: 价格

        en: promise
        zh: 还款承诺

        en: quantity
        zh: 数量

        en: receive
        zh: 收取

        en: refund
        zh: 退还

        en: rejected
        zh: 已驳回

        en: reminder
        zh: 付款提醒

        en: running
        zh: 时效进行中

        en: service
        zh: 服务

        en: simple
        zh: 简单

        en: sms
        zh: 短信

        en: suit
        zh: 起诉

        en: suspend
        zh: 暂停服务

        en: valid
        zh: 成立

        en: visit
        zh: 上门

        en: wechat
        zh: 微信

        en: '{}' is not CANONICAL=FOREIGN
        zh: “{}”不是 CANONICAL=FOREIGN 的形式

        en: --map reads '{}' from '{}'
        zh: --map 从“{2}”读取“{1}”

        en: cannot be read
        zh: 无法读取

        en: cannot be written
        zh: 无法写入

        en: cannot create the folder
        zh: 无法创建文件夹

        en: column '{}' is mapped twice
        zh: 列“{}”被映射了两次

        en: credit note {}
        zh: 贷项通知单 {}

        en: deposit for contract '{}'
        zh: 合同“{}”的预付款

        en: deposit usable for contract '{}' (its own and unallocated)
        zh: 合同“{}”可用的预付款（该合同自身的及未分配的）

        en: did you mean '{}'?
        zh: 您是指“{}”吗？

        en: exists already
        zh: 已存在

        en: folder '{}' does not exist
        zh: 文件夹“{}”不存在

        en: invoice '{}'
        zh: 发票“{}”

        en: not a regular file
        zh: 不是普通文件

        en: policy {}: {} -> {}
        zh: 策略 {}：{} -> {}

        en: the workspace's date is pinned to {}
        zh: 工作区的日期固定为 {}

        en: {} (the address is postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE)
        zh: {}（地址格式为 postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE）

        en: '{}' is not a column of a bureau file (columns: {})
        zh: “{}”不是征信文件的列（列为：{}）

        en: '{}' is not a column of {} (columns: {})
        zh: “{}”不是 {} 的列（列为：{}）

        en: Deposit ratio ({})
        zh: 预付比例（{}）

        en: a {} file starts with a header line: {}
        zh: {} 文件须以表头行开始：{}

        en: an {} amount must be greater than zero; record refunds and credit notes separately
        zh: {} 金额必须大于零；退款和贷项通知单请另行记录

        en: another operator who is {} may: approval {} {}
        zh: 可由另一位 {} 操作员执行：approval {} {}

        en: give a folder of *.mustache files named like the defaults (zh/letter.mustache); see docs/DUNNING.md
        zh: 请提供一个文件夹，其中的 *.mustache 文件按默认模板命名（zh/letter.mustache）；参见 docs/DUNNING.md

        en: it needs approval ({}); whatif drop {}, commit, then run it outside the scenario to ask for it
        zh: 此操作需要审批（{}）；请 whatif drop {} 并提交，然后在模拟方案之外运行以提出申请

        en: policy set dunning.ladder -3:reminder,1:reminder,15:letter,30:call,45:final_notice,90:legal_review
        zh: policy set dunning.ladder -3:reminder,1:reminder,15:letter,30:call,45:final_notice,90:legal_review

        en: restore it from the last good backup ('workspace backup FILE' each night, then 'workspace check' on the copy)
        zh: 请从最近一次完好的备份恢复（每晚执行“workspace backup FILE”，再对副本执行“workspace check”）

        en: {} entries before it hold; compare the workspace with a backup from before entry {}
        zh: 其之前的 {} 条记录完好；请将工作区与第 {} 条记录之前的备份进行比对

        en: {}: the workspace is created (and migrated) by the database's owner, with CREATEROLE
        zh: {}：工作区须由数据库所有者（具有 CREATEROLE 权限）创建（及迁移）
        """#
}
