import Foundation
import RecoupCore
import RecoupStore
import ShellKit

/// The interface's language: English (the code's own text) or Chinese (the `zh` catalogue).
///
/// Decided, in order: `set language zh|en` in this session or script; in an interactive shell, the
/// operator's saved choice (`set language` typed at the prompt saves it in
/// `$XDG_CONFIG_HOME/recoup/settings`, else `~/.config/recoup/settings`, so it follows the OS
/// account, which is the operator); else the locale (`LC_ALL`, then `LC_MESSAGES`, then `LANG`: a
/// value starting with `zh` gives Chinese). Scripts and `-c` follow the locale, not the saved
/// choice, so what a script prints depends on what it is run with and not on who ran the shell last.
///
/// What changes: help, messages and hints, table titles and headers, the terms in tables (states,
/// kinds: `legal_review` shows as 法律审查), and confirmations. What does not: command words,
/// option names, CSV headers and JSON keys, and CSV and JSON output as a whole, so a script and its
/// output read the same under either language.
public enum Localization {
    /// The catalogue for a language code (`zh`, `en`); nil for one Recoup does not have.
    public static func catalogue(_ code: String) -> Catalogue? {
        switch code {
        case "en": .english
        case "zh": chinese
        default: nil
        }
    }

    /// The Chinese catalogue, parsed once from its source files.
    public static let chinese = Catalogue(language: "zh", source: ChineseText.all.joined(separator: "\n"))

    /// The language the locale asks for: `zh` when the first of `LC_ALL`, `LC_MESSAGES`, `LANG` that
    /// is set starts with `zh`, else `en`.
    public static func fromLocale(_ env: [String: String] = ProcessInfo.processInfo.environment) -> String {
        for key in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let v = env[key], !v.isEmpty { return v.lowercased().hasPrefix("zh") ? "zh" : "en" }
        }
        return "en"
    }

    /// Text the code composes from pieces rather than showing one literal: help's headings, the
    /// diagnostic's severity, the parts of a usage line. They are keys like any other.
    public static let composedPhrases: [String] = [
        "usage: {}", "arguments", "options", "aliases: {}", "examples", "one of: {}", "repeatable", "error",
        "warning", "note", "(none)", "/day", "/year", "{} %/day", "{} %/year",
    ]

    /// The vocabulary a table shows as terms (`Cell.term`): states, kinds, steps, roles. Each is a
    /// key of the catalogues like any text; the default overdue ladder's state names are among them
    /// (a ladder the policy renames shows its own words as they are).
    public static var terms: [String] {
        let words: [[String]] = [
            DunningAction.allCases.map(\.rawValue), PromiseStanding.Status.allCases.map(\.rawValue),
            Contact.Channel.allCases.map(\.rawValue), Contact.Direction.allCases.map(\.rawValue),
            Dispute.Reason.allCases.map(\.rawValue), ["valid", "invalid"], LegalCase.Step.allCases.map(\.rawValue),
            ComplaintTier.allCases.map(\.rawValue), PlanState.Status.allCases.map(\.rawValue),
            PlanMethod.allCases.map(\.rawValue), LimitationEvent.Kind.allCases.map(\.rawValue),
            LimitationStanding.Status.allCases.map(\.rawValue), DepositMovement.Kind.allCases.map(\.rawValue),
            ["contract", "policy"], Role.allCases.map(\.rawValue), Approval.Status.allCases.map(\.rawValue),
            ["current", "reminder", "warning", "suspend", "legal_review", "opened", "void", "yes"],
        ]
        return Array(Set(words.joined())).sorted()
    }

    // MARK: the operator's saved choice

    /// The operator's settings file (`language = "zh"` lines; TOML's key = value form, read by hand:
    /// two keys do not justify building a TOML library into every binary).
    static func settingsPath(_ env: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let xdg = env["XDG_CONFIG_HOME"], !xdg.isEmpty { return xdg + "/recoup/settings" }
        if let home = env["HOME"], !home.isEmpty { return home + "/.config/recoup/settings" }
        return nil
    }

    /// The saved value of `key`, or nil.
    static func saved(_ key: String) -> String? {
        guard let path = settingsPath(), let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            return nil
        }
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if parts.count == 2, parts[0] == key {
                return parts[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            }
        }
        return nil
    }

    /// Saves `key = "value"` in the operator's settings file, keeping its other lines.
    static func save(_ key: String, _ value: String) throws {
        guard let path = settingsPath() else { return }
        let old = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        var lines = old.split(separator: "\n").map(String.init).filter {
            $0.split(separator: "=", maxSplits: 1).first?.trimmingCharacters(in: .whitespaces) != key
        }
        lines.append("\(key) = \"\(value)\"")
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
    }
}

extension Output {
    /// The output with its words in `t`'s language, for table format: titles, headers, labels, the
    /// terms in cells, and text. CSV and JSON are rendered from the output as it was.
    func translated(_ t: Catalogue) -> Output {
        guard !t.isEnglish else { return self }
        switch self {
        case .empty: return .empty
        case .text(let s):
            let body = s.hasSuffix("\n") ? String(s.dropLast()) : s
            return .text(t(body) + (s.hasSuffix("\n") ? "\n" : ""))
        case .table(var table):
            table.title = table.title.map { t($0) }
            table.footer = table.footer.map { t($0) }
            table.columns = table.columns.map {
                var c = $0; c.title = t(c.title); return c
            }
            table = table.mappingCells { $0.translated(t) }
            return .table(table)
        case .record(let fields):
            return .record(fields.map { Field($0.key, title: t($0.title), $0.value.translated(t)) })
        case .document(let sections):
            return .document(
                sections.map { Section($0.key, title: t($0.title), $0.content.translated(t), folded: $0.folded) })
        }
    }
}

extension Cell {
    /// A term (a state, a kind) in `t`'s language; every other cell as it is.
    func translated(_ t: Catalogue) -> Cell {
        switch self {
        case .term(let word):
            // A term made of parts ("¥1,000.00 overdue 45 days; plan PL1 broken"): each part
            // translated; a sentence with a semicolon that no part of is an entry, as a whole.
            if word.contains("; ") {
                let parts = word.components(separatedBy: "; ")
                let each = parts.map { t($0) }
                if each != parts { return .term(each.joined(separator: "；")) }
            }
            return .term(t(word))
        case .rate(let s, let per) where !per.isEmpty: return .rate(s, per: t(per))
        default: return self
        }
    }
}

extension Diagnostic {
    /// The diagnostic with its message, hint and severity in `t`'s language.
    func translated(_ t: Catalogue) -> Diagnostic {
        guard !t.isEnglish else { return self }
        var d = self
        d.message = t(message)
        d.hint = hint.map { t($0) }
        d.severityWord = t(severity.rawValue)
        return d
    }
}
