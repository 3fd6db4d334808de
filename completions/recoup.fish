# fish completion for recoup. Generated from the command table: do not edit.
# Install: copy to ~/.config/fish/completions/recoup.fish

# Index (1-based, in `commandline -opc`) of the first command word after the global options.
function __recoup_command_start
    set -l tokens (commandline -opc)
    set -l i 2
    while test $i -le (count $tokens)
        switch $tokens[$i]
            case -w --workspace -f --file -c --command
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

function __recoup_in_command
    test (__recoup_command_start) -le (count (commandline -opc))
end

function __recoup_at_command_word
    test (__recoup_command_start) -eq (math (count (commandline -opc)) + 1)
end

function __recoup_complete_command
    set -l tokens (commandline -opc)
    set -l start (__recoup_command_start)
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
    command recoup $ws __complete --cursor-word (math (count $words) - 1) -- $words 2>/dev/null
end

complete -c recoup -f
complete -c recoup -n 'not __recoup_in_command' -s w -l workspace -r -F -d 'workspace file to open'
complete -c recoup -n 'not __recoup_in_command' -s f -l file -r -F -d 'run the commands in a script file'
complete -c recoup -n 'not __recoup_in_command' -s c -l command -r -f -d 'run one shell command (repeatable)'
complete -c recoup -n 'not __recoup_in_command' -l keep-going -d 'continue a script after a failing command'
complete -c recoup -n 'not __recoup_in_command' -l echo -d 'print each command before running it'
complete -c recoup -n 'not __recoup_in_command' -l help -d 'show help and exit'
complete -c recoup -n '__recoup_at_command_word' -a 'help' -d 'list commands, or explain one'
complete -c recoup -n '__recoup_at_command_word' -a 'set' -d 'set a variable, pin today\'s date, choose the default format or the language'
complete -c recoup -n '__recoup_at_command_word' -a 'unset' -d 'remove a variable'
complete -c recoup -n '__recoup_at_command_word' -a 'source' -d 'run the commands of a script file'
complete -c recoup -n '__recoup_at_command_word' -a 'quit' -d 'leave the shell (Ctrl-D does too)'
complete -c recoup -n '__recoup_at_command_word' -a 'exit' -d 'leave the shell (Ctrl-D does too)'
complete -c recoup -n '__recoup_at_command_word' -a 'workspace' -d 'info, pin-date, create, copy, backup, check'
complete -c recoup -n '__recoup_at_command_word' -a 'generate' -d 'portfolio'
complete -c recoup -n '__recoup_at_command_word' -a 'import' -d 'import customers, contracts, invoices or payments from a CSV file'
complete -c recoup -n '__recoup_at_command_word' -a 'export' -d 'write customers, contracts, invoices or payments as canonical CSV'
complete -c recoup -n '__recoup_at_command_word' -a 'customer' -d 'show, list, find, timeline, assign'
complete -c recoup -n '__recoup_at_command_word' -a 'contract' -d 'show, list, check'
complete -c recoup -n '__recoup_at_command_word' -a 'invoice' -d 'show, list'
complete -c recoup -n '__recoup_at_command_word' -a 'payment' -d 'add, unmatched, apply, list, void'
complete -c recoup -n '__recoup_at_command_word' -a 'plan' -d 'quote, compare, create, show, list, payoff, prepay, cancel'
complete -c recoup -n '__recoup_at_command_word' -a 'whatif' -d 'begin, diff, commit, discard, drop, close, list'
complete -c recoup -n '__recoup_at_command_word' -a 'policy' -d 'show, set, history, export, import'
complete -c recoup -n '__recoup_at_command_word' -a 'forecast' -d 'expected collections by month from open invoices and plan installments, weighted by payment history'
complete -c recoup -n '__recoup_at_command_word' -a 'aging' -d 'open amounts as of a day: current and days-past-due buckets, by customer, contract, agent or segment'
complete -c recoup -n '__recoup_at_command_word' -a 'latefee' -d 'show, post, waive, charges'
complete -c recoup -n '__recoup_at_command_word' -a 'overdue' -d 'overdue state of every contract and customer, and the transitions since the last run'
complete -c recoup -n '__recoup_at_command_word' -a 'queue' -d 'today\'s calls in priority order, with the reasons for each'
complete -c recoup -n '__recoup_at_command_word' -a 'kpi' -d 'collections KPIs for a period: DSO, best possible DSO, days delinquent, CEI, turnover, roll rates, payment delay'
complete -c recoup -n '__recoup_at_command_word' -a 'dun' -d 'run, preview, sent'
complete -c recoup -n '__recoup_at_command_word' -a 'credit' -d 'score, show, history'
complete -c recoup -n '__recoup_at_command_word' -a 'deposit' -d 'receive, apply, refund, show, check'
complete -c recoup -n '__recoup_at_command_word' -a 'bureau' -d 'import, show'
complete -c recoup -n '__recoup_at_command_word' -a 'contact' -d 'log, list'
complete -c recoup -n '__recoup_at_command_word' -a 'promise' -d 'add, cancel, list, check'
complete -c recoup -n '__recoup_at_command_word' -a 'dispute' -d 'open, resolve, list, show, reopen'
complete -c recoup -n '__recoup_at_command_word' -a 'complaint' -d 'open, extend, resolve, list'
complete -c recoup -n '__recoup_at_command_word' -a 'legal' -d 'open, step, show, list, fee, watch'
complete -c recoup -n '__recoup_at_command_word' -a 'writeoff' -d 'write off (核销) an invoice, or a customer\'s open invoices, as bad debt'
complete -c recoup -n '__recoup_at_command_word' -a 'operator' -d 'add, role, remove, list'
complete -c recoup -n '__recoup_at_command_word' -a 'whoami' -d 'who you are in this workspace: your login, name and role'
complete -c recoup -n '__recoup_at_command_word' -a 'approval' -d 'list, show, approve, reject'
complete -c recoup -n '__recoup_at_command_word' -a 'correction' -d 'list'
complete -c recoup -n '__recoup_at_command_word' -a 'journal' -d 'the workspace\'s journal, newest first: who changed what, when'
complete -c recoup -n '__recoup_in_command' -a '(__recoup_complete_command)'
