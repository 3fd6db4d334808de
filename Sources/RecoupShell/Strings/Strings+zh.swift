/// The Chinese catalogue's source text, in parts (see `Catalogue` for the form). English keys are
/// the texts as the code shows them; `docs/strings/en.txt` lists them all.
enum ChineseText {
    static let all = [interface, terms, part1, part2, part3, part4, part5, part6, part7]

    /// The words the code composes: help's headings and the diagnostic's severity.
    static let interface = #"""
        en: usage: {}
        zh: 用法：{}

        en: arguments
        zh: 参数

        en: options
        zh: 选项

        en: aliases: {}
        zh: 别名：{}

        en: examples
        zh: 示例

        en: one of: {}
        zh: 可选：{}

        en: repeatable
        zh: 可重复

        en: error
        zh: 错误

        en: warning
        zh: 警告

        en: note
        zh: 提示

        en: (none)
        zh: （无）

        en: /day
        zh: /天

        en: /year
        zh: /年

        en: {} %/day
        zh: {} %/天

        en: {} %/year
        zh: {} %/年
        """#
}
