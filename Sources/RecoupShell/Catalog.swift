import ShellKit

/// Every command of the Recoup shell: one declaration each, next to its handler.
///
/// The parser, `help`, the "did you mean" hints, Tab completion, the bash/zsh/fish scripts in
/// `completions/` and `docs/COMMANDS.md` all come from this one list.
public enum Catalog {
    static let commands: [Command] =
        sessionCommands + dataCommands + customerCommands + recordCommands + planCommands + planBookCommands
        + whatifCommands + policyCommands + forecastCommands + agingCommands + latefeeCommands + overdueCommands
        + kpiCommands + dunningCommands + creditCommands + depositCommands + bureauCommands + caseCommands

    /// The declarations alone.
    public static let table = CommandTable(commands.map(\.spec))

    static let handlers: [String: Command] = Dictionary(uniqueKeysWithValues: commands.map { ($0.spec.name, $0) })

    /// Every command name, for `help` completion.
    static let names: [String] = commands.map(\.spec.name)
}
