extension ChineseText {
    /// Part 6 of the Chinese catalogue: messages and values found after the first five parts.
    static let part6 = #"""
        en: '{}' takes no arguments, got '{}'
        zh: “{}”不接受参数，但收到了“{}”

        en: '{}' takes no options
        zh: “{}”不接受选项

        en: (no contract)
        zh: （无合同）

        en: (restructured)
        zh: （已重组）

        en: (settled)
        zh: （已结清）

        en: Dunning as of {}
        zh: 催收（截至 {}）

        en: Dunning as of {} (dry run: nothing written or recorded)
        zh: 催收（截至 {}）（试运行：未写入、未记录任何内容）

        en: HH:MM-HH:MM, e.g. 08:00-21:00
        zh: HH:MM-HH:MM，例如 08:00-21:00

        en: Prepayment (quote: add --commit to record it)
        zh: 提前还款（试算：加 --commit 即可记录）

        en: Prepayment recorded
        zh: 提前还款已记录

        en: [to fill in: {}]
        zh: [待填写：{}]

        en: a decimal fraction, e.g. 0.0005
        zh: 小数，例如 0.0005

        en: a multiple like 3x or 1.5x, or an amount like 200000
        zh: 倍数（如 3x 或 1.5x）或金额（如 200000）

        en: a whole number from 0
        zh: 从 0 起的整数

        en: a whole number, e.g. 30
        zh: 整数，例如 30

        en: all open
        zh: 全部未结

        en: amount
        zh: 金额

        en: an amount like 200000, or a multiple of average monthly billing like 3x
        zh: 金额（如 200000），或月均账单额的倍数（如 3x）

        en: an auditor reads everything and changes nothing
        zh: 审计员可查看全部内容，但不能做任何更改

        en: ask one of them, or an admin to change your role
        zh: 请联系其中一位，或请管理员更改您的角色

        en: bounds must increase, e.g. 30,60,90
        zh: 分段上限须递增，例如 30,60,90

        en: calendar
        zh: 日历

        en: check the path given with -w
        zh: 请检查 -w 指定的路径

        en: choose block or warn
        zh: 请选择 block 或 warn

        en: choose half-up, half-even or up
        zh: 请选择 half-up、half-even 或 up

        en: choose on or off
        zh: 请选择 on 或 off

        en: customer
        zh: 客户

        en: customer '{}'
        zh: 客户“{}”

        en: dates YYYY-MM-DD separated by commas
        zh: 以逗号分隔的日期（YYYY-MM-DD）

        en: dates are real calendar days written YYYY-MM-DD; for another layout pass --date-format, e.g. M/d/yyyy
        zh: 日期须为真实的日历日，格式为 YYYY-MM-DD；其他格式请用 --date-format 指定，例如 M/d/yyyy

        en: deposit ratio required of a tier {} customer for any other service, e.g. 30% or 0.3
        zh: 信用等级 {} 的客户办理其他业务须缴的预付比例，例如 30% 或 0.3

        en: disputed
        zh: 争议中

        en: double
        zh: 双

        en: due in {} day{}
        zh: {1}天后到期

        en: due today
        zh: 今天到期

        en: duplicate id '{}' in this file
        zh: 此文件中编号“{}”重复

        en: each id may appear once
        zh: 每个编号只能出现一次

        en: each of penalty, fee, interest, principal once
        zh: penalty、fee、interest、principal 各须出现一次

        en: enterprise
        zh: 企业

        en: entry {} appears twice or out of order (expected entry {})
        zh: 第 {} 条记录重复或顺序错误（应为第 {} 条）

        en: entry {} does not match its hash: it was changed after it was written
        zh: 第 {} 条记录与其哈希值不符：写入后已被修改

        en: entry {} has no hash
        zh: 第 {} 条记录没有哈希值

        en: entry {} is missing: the journal goes from entry {} to entry {}
        zh: 缺少第 {} 条记录：日志从第 {} 条直接跳到了第 {} 条

        en: every role but auditor
        zh: 除审计员外的所有角色

        en: expected a real calendar day in the format {}
        zh: 应为真实的日历日，格式为 {}

        en: expected one of: {}
        zh: 应为以下之一：{}

        en: false
        zh: 否

        en: give 1 to {}
        zh: 请输入 1 到 {}

        en: ids are unique; was this file imported before?
        zh: 编号须唯一；此文件是否已导入过？

        en: installment
        zh: 每期金额

        en: is it UTF-8 text?
        zh: 是否为 UTF-8 文本？

        en: key
        zh: 键

        en: map it with --map '{}={}', or pass --ignore-extra-columns
        zh: 请用 --map '{}={}' 映射，或加上 --ignore-extra-columns

        en: negative amount '{}' in column '{}'
        zh: 列“{2}”中的金额“{1}”为负数

        en: no PostgreSQL server answers at {}:{} (is it running, and listening there?)
        zh: {}:{} 上没有 PostgreSQL 服务器响应（服务器是否已启动并在该地址监听？）

        en: no such file
        zh: 文件不存在

        en: no value
        zh: 无值

        en: nobody
        zh: 无人

        en: over limit (blocked)
        zh: 超出额度（已阻止）

        en: over limit (warning)
        zh: 超出额度（警告）

        en: overdue
        zh: 逾期

        en: paid {} of {} invoices after their due date
        zh: {} 张发票逾期付款（共 {} 张）

        en: policy show lists the settings
        zh: policy show 会列出所有设置

        en: policy show says what each setting takes
        zh: policy show 会说明每项设置可取的值

        en: policy {} stays {}
        zh: 策略 {} 保持为 {}

        en: read-only
        zh: 只读

        en: resolved
        zh: 已解决

        en: short
        zh: 不足

        en: single
        zh: 单

        en: sme
        zh: 中小企业

        en: target
        zh: 目标

        en: term
        zh: 期限

        en: the scenario has no changes
        zh: 该模拟方案没有任何更改

        en: the workspace follows the calendar
        zh: 工作区日期跟随实际日历

        en: to the end of the period
        zh: 计至期末

        en: to the payoff day
        zh: 计至结清日

        en: too many arguments for '{}': '{}'
        zh: “{}”的参数过多：“{}”

        en: true
        zh: 是

        en: type 'help' for the list
        zh: 输入“help”查看列表

        en: unallocated deposit
        zh: 未分配的预付款

        en: value
        zh: 值

        en: yes
        zh: 是

        en: zero amount in column '{}'
        zh: 列“{}”中的金额为零

        en: {} '{}' already exists in the workspace
        zh: 工作区中已存在{}“{}”

        en: {} day{} overdue
        zh: 逾期{1}天

        en: {} of {} invoices paid late or still unpaid past their due date
        zh: {} 张发票逾期付款或逾期未付（共 {} 张）

        en: {} removed
        zh: 已删除 {}
        """#
}
