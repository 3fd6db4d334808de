import ShellKit

/// Every command of the Recoup shell: one declaration each, next to its handler.
///
/// The parser, `help`, the "did you mean" hints, Tab completion, the bash/zsh/fish scripts in
/// `completions/` and `docs/COMMANDS.md` all come from this one list.
public enum Catalog {
    static let commands: [Command] = withWho(
        sessionCommands + dataCommands + customerCommands + recordCommands + planCommands + planBookCommands
            + whatifCommands + policyCommands + forecastCommands + agingCommands + latefeeCommands + overdueCommands
            + kpiCommands + dunningCommands + creditCommands + depositCommands + bureauCommands + caseCommands
            + teamCommands + journalCommands)

    /// Each command's help says who may run it once the workspace has operators (`Authority`): a
    /// command writes when any of its examples, parsed, declares an effect other than reading.
    static func withWho(_ raw: [Command]) -> [Command] {
        let table = CommandTable(raw.map(\.spec))
        return raw.map { c in
            let writes = c.spec.examples.contains { example in
                guard let tokens = try? Tokenizer.tokenize(example, variables: { _ in nil }),
                    let parsed = try? table.parse(tokens), parsed.spec.name == c.spec.name
                else { return false }
                return c.effect(parsed) != .reads
            }
            var spec = c.spec
            let who = Authority.summary(spec.name, writes: writes)
            spec.discussion +=
                (spec.discussion.isEmpty ? "" : " ") + "Who may run it (once the workspace has operators): \(who)."
            return Command(spec: spec, effect: c.effect, run: c.run)
        }
    }

    /// The declarations alone.
    public static let table = CommandTable(commands.map(\.spec))

    static let handlers: [String: Command] = Dictionary(uniqueKeysWithValues: commands.map { ($0.spec.name, $0) })

    /// Every command name, for `help` completion.
    static let names: [String] = commands.map(\.spec.name)
}
