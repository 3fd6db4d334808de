/// bash, zsh and fish completion scripts for the `recoup` command line, generated from the table.
///
/// The command line is `recoup [GLOBAL OPTIONS] [COMMAND WORDS...]`. The scripts complete the global
/// options themselves (paths after `-w/--workspace` and `-f/--file`) and the first command word from
/// the embedded list of top-level words; for later command words they run
/// `recoup [--workspace PATH] __complete --cursor-word N -- WORD...` (see `CompleteRequest`) and
/// offer the lines it prints (`WORD<TAB>DESCRIPTION`). The output is deterministic: check the
/// scripts in and guard them with a staleness test.
///
/// Known limits: bash shows no descriptions; fish filters candidates by what was typed, so a domain
/// match that does not start with the typed word (pinyin initials) is not shown there.
public enum CompletionScripts {
    /// A global option of the `recoup` command line.
    public struct GlobalOption: Sendable, Hashable {
        public var short: String?
        public var long: String
        /// True for options followed by a value; `isPath` when that value is a file path.
        public var takesValue: Bool
        public var isPath: Bool
        public var help: String

        public init(short: String? = nil, long: String, takesValue: Bool = false, isPath: Bool = false, help: String) {
            self.short = short
            self.long = long
            self.takesValue = takesValue
            self.isPath = isPath
            self.help = help
        }
    }

    /// `-w/--workspace PATH`, `-f/--file PATH`, `-c/--command CMD` (repeatable), `--keep-going`,
    /// `--echo`, `--help`.
    public static let globalOptions: [GlobalOption] = [
        .init(short: "-w", long: "--workspace", takesValue: true, isPath: true, help: "workspace file to open"),
        .init(short: "-f", long: "--file", takesValue: true, isPath: true, help: "run the commands in a script file"),
        .init(short: "-c", long: "--command", takesValue: true, isPath: false, help: "run one shell command (repeatable)"),
        .init(long: "--keep-going", help: "continue a script after a failing command"),
        .init(long: "--echo", help: "print each command before running it"),
        .init(long: "--help", help: "show help and exit"),
    ]

    /// The top-level command words with their descriptions, in declaration order.
    static func commandWords(_ table: CommandTable) -> [(word: String, description: String)] {
        table.topLevelWords.map { ($0, table.describe($0, after: [])) }
    }

    /// `recoup` as a shell identifier fragment (`my-tool` becomes `my_tool`).
    static func identifier(_ program: String) -> String {
        String(program.map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "_" })
    }

    /// `text` in POSIX single quotes (bash and zsh).
    static func shQuote(_ text: String) -> String {
        "'" + text.replacingAll("'", with: #"'\''"#) + "'"
    }

    static func options(_ filter: (GlobalOption) -> Bool) -> String {
        globalOptions.filter(filter).flatMap { [$0.short, $0.long].compactMap { $0 } }.joined(separator: "|")
    }

    /// The bash script: `source` it or install it as `/etc/bash_completion.d/PROGRAM`.
    /// Works without the bash-completion package; words split by bash at `=` or `:` are rejoined.
    public static func bash(_ table: CommandTable, program: String = "recoup") -> String {
        let name = "_" + identifier(program) + "_complete"
        let words = commandWords(table).map(\.word).joined(separator: " ")
        let allOptions = globalOptions.flatMap { [$0.short, $0.long].compactMap { $0 } }.joined(separator: " ")
        return """
            # bash completion for \(program). Generated from the command table: do not edit.
            # Install: source this file, or copy it to /etc/bash_completion.d/\(program).

            \(name)() {
                local cur="${COMP_WORDS[COMP_CWORD]}" prev="" word line value strip out
                local -a workspace=() words=()
                local i=1 j nospace=0
                (( COMP_CWORD > 0 )) && prev="${COMP_WORDS[COMP_CWORD-1]}"
                [[ $prev == "=" && COMP_CWORD -gt 1 ]] && prev="${COMP_WORDS[COMP_CWORD-2]}"
                while (( i < COMP_CWORD )); do
                    word="${COMP_WORDS[i]}"
                    case "$word" in
                        -w|--workspace)
                            if [[ ${COMP_WORDS[i+1]} == "=" ]]; then (( i += 1 )); fi
                            workspace=(--workspace "${COMP_WORDS[i+1]/#\\~/$HOME}"); (( i += 2 ));;
                        \(options { $0.takesValue && $0.long != "--workspace" }))
                            if [[ ${COMP_WORDS[i+1]} == "=" ]]; then (( i += 1 )); fi
                            (( i += 2 ));;
                        --) (( i += 1 )); break;;
                        -*) (( i += 1 ));;
                        *) break;;
                    esac
                done
                if (( i >= COMP_CWORD )); then
                    case "$prev" in
                        \(options { $0.isPath }))
                            compopt -o filenames 2>/dev/null
                            COMPREPLY=($(compgen -f -- "$cur")); return 0;;
                        \(options { $0.takesValue && !$0.isPath }))
                            COMPREPLY=(); return 0;;
                    esac
                    if [[ $cur == -* ]]; then
                        COMPREPLY=($(compgen -W \(shQuote(allOptions)) -- "$cur"))
                    else
                        COMPREPLY=($(compgen -W \(shQuote(words)) -- "$cur"))
                    fi
                    return 0
                fi
                for (( j = i; j <= COMP_CWORD; j++ )); do
                    word="${COMP_WORDS[j]}"
                    if (( ${#words[@]} > 0 )) && [[ $word == "=" || $word == ":" ||
                        ${words[${#words[@]}-1]} == *= || ${words[${#words[@]}-1]} == *: ]]; then
                        words[${#words[@]}-1]+="$word"
                    else
                        words+=("$word")
                    fi
                done
                strip="${words[${#words[@]}-1]%"$cur"}"
                out="$(command \(program) ${workspace[@]+"${workspace[@]}"} __complete \\
                    --cursor-word $(( ${#words[@]} - 1 )) -- "${words[@]}" 2>/dev/null)" || return 0
                COMPREPLY=()
                while IFS= read -r line; do
                    [[ -z $line ]] && continue
                    value="${line%%$'\\t'*}"
                    value="${value#"$strip"}"
                    [[ $value == */ ]] && nospace=1
                    if [[ $cur == [\\'\\"]* ]]; then
                        COMPREPLY+=("$value")
                    else
                        COMPREPLY+=("$(printf '%q' "$value")")
                    fi
                done <<< "$out"
                (( nospace )) && compopt -o nospace 2>/dev/null
                return 0
            }
            complete -F \(name) \(program)

            """
    }
}
