extension CompletionScripts {
    /// The zsh script: install it as `_PROGRAM` in a directory of `$fpath`, or `source` it after
    /// `compinit`. Candidates are offered without prefix filtering (`compadd -U`), so a customer
    /// found by pinyin initials is still shown, with its description.
    public static func zsh(_ table: CommandTable, program: String = "recoup") -> String {
        let name = "_" + identifier(program)
        let commands = commandWords(table).map { "    " + shQuote(zshDescribed($0.word, $0.description)) }
        let options = globalOptions.flatMap { option in
            [option.short, option.long].compactMap { $0 }.map { "    " + shQuote(zshDescribed($0, option.help)) }
        }
        return """
            #compdef \(program)
            # zsh completion for \(program). Generated from the command table: do not edit.

            \(name)() {
              local -a workspace commands options lines values displays dirs dirdisplays
              local i=2 word line value
              commands=(
            \(commands.joined(separator: "\n"))
              )
              options=(
            \(options.joined(separator: "\n"))
              )
              while (( i < CURRENT )); do
                word=${words[i]}
                case $word in
                  (-w|--workspace) workspace=(--workspace "${(Q)words[i+1]/#\\~/$HOME}"); (( i += 2 ));;
                  (--workspace=*) workspace=(--workspace "${(Q)${word#--workspace=}/#\\~/$HOME}"); (( i += 1 ));;
                  (\(Self.options { $0.takesValue && $0.long != "--workspace" })) (( i += 2 ));;
                  (--) (( i += 1 )); break;;
                  (-*) (( i += 1 ));;
                  (*) break;;
                esac
              done
              if (( i >= CURRENT )); then
                case ${words[CURRENT-1]} in
                  (\(Self.options { $0.isPath })) _files; return;;
                  (\(Self.options { $0.takesValue && !$0.isPath })) _message 'shell command'; return 1;;
                esac
                case $PREFIX in
                  (--workspace=*|--file=*) compset -P '*='; _files; return;;
                  (-*) _describe -t options 'option' options; return;;
                esac
                _describe -t commands 'command' commands
                return
              fi
              lines=("${(@f)$(command \(program) "${workspace[@]}" __complete \\
                --cursor-word $(( CURRENT - i )) -- "${(@)words[i,CURRENT]}" 2>/dev/null)}")
              for line in $lines; do
                [[ -z $line ]] && continue
                value=${line%%$'\\t'*}
                if [[ $line == *$'\\t'* ]]; then line="$value  -- ${line#*$'\\t'}"; else line=$value; fi
                if [[ $value == */ ]]; then
                  dirs+=("$value"); dirdisplays+=("$line")
                else
                  values+=("$value"); displays+=("$line")
                fi
              done
              (( ${#values} + ${#dirs} )) || return 1
              (( ${#values} )) && compadd -U -l -d displays -- "${values[@]}"
              (( ${#dirs} )) && compadd -U -l -S '' -d dirdisplays -- "${dirs[@]}"
              return 0
            }

            if [[ "$funcstack[1]" == "\(name)" ]]; then
              \(name) "$@"
            else
              compdef \(name) \(program)
            fi

            """
    }

    /// `word:description` for `_describe`, with colons in the word escaped.
    static func zshDescribed(_ word: String, _ description: String) -> String {
        word.replacingAll(":", with: "\\:") + ":" + description
    }

    /// The fish script: install it as `~/.config/fish/completions/PROGRAM.fish`.
    public static func fish(_ table: CommandTable, program: String = "recoup") -> String {
        let id = "__" + identifier(program)
        var lines: [String] = []
        lines.append("complete -c \(program) -f")
        for option in globalOptions {
            var line = "complete -c \(program) -n 'not \(id)_in_command'"
            if let short = option.short { line += " -s " + short.dropFirst() }
            line += " -l " + option.long.dropFirst(2)
            if option.takesValue { line += option.isPath ? " -r -F" : " -r -f" }
            lines.append(line + " -d " + fishQuote(option.help))
        }
        for (word, description) in commandWords(table) {
            lines.append(
                "complete -c \(program) -n '\(id)_at_command_word' -a \(fishQuote(word)) -d \(fishQuote(description))")
        }
        lines.append("complete -c \(program) -n '\(id)_in_command' -a '(\(id)_complete_command)'")
        return """
            # fish completion for \(program). Generated from the command table: do not edit.
            # Install: copy to ~/.config/fish/completions/\(program).fish

            # Index (1-based, in `commandline -opc`) of the first command word after the global options.
            function \(id)_command_start
                set -l tokens (commandline -opc)
                set -l i 2
                while test $i -le (count $tokens)
                    switch $tokens[$i]
                        case \(Self.options { $0.takesValue }.replacingAll("|", with: " "))
                            set i (math $i + 2)
                        case --
                            set i (math $i + 1)
                            break
                        case '-*'
                            set i (math $i + 1)
                        case '*'
                            break
                    end
                end
                echo $i
            end

            function \(id)_in_command
                test (\(id)_command_start) -le (count (commandline -opc))
            end

            function \(id)_at_command_word
                test (\(id)_command_start) -eq (math (count (commandline -opc)) + 1)
            end

            function \(id)_complete_command
                set -l tokens (commandline -opc)
                set -l start (\(id)_command_start)
                set -l ws
                set -l i 2
                while test $i -lt $start
                    switch $tokens[$i]
                        case -w --workspace
                            set ws --workspace $tokens[(math $i + 1)]
                        case '--workspace=*'
                            set ws $tokens[$i]
                    end
                    set i (math $i + 1)
                end
                set -l words (string escape -- $tokens[$start..-1]) (commandline -ct)
                command \(program) $ws __complete --cursor-word (math (count $words) - 1) -- $words 2>/dev/null
            end

            \(lines.joined(separator: "\n"))

            """
    }

    /// `text` in fish single quotes (only `\\` and `\'` are escapes there).
    static func fishQuote(_ text: String) -> String {
        "'" + text.replacingAll("\\", with: "\\\\").replacingAll("'", with: "\\'") + "'"
    }
}
