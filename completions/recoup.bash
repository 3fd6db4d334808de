# bash completion for recoup. Generated from the command table: do not edit.
# Install: source this file, or copy it to /etc/bash_completion.d/recoup.

_recoup_complete() {
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
                workspace=(--workspace "${COMP_WORDS[i+1]/#\~/$HOME}"); (( i += 2 ));;
            -f|--file|-c|--command)
                if [[ ${COMP_WORDS[i+1]} == "=" ]]; then (( i += 1 )); fi
                (( i += 2 ));;
            --) (( i += 1 )); break;;
            -*) (( i += 1 ));;
            *) break;;
        esac
    done
    if (( i >= COMP_CWORD )); then
        case "$prev" in
            -w|--workspace|-f|--file)
                compopt -o filenames 2>/dev/null
                COMPREPLY=($(compgen -f -- "$cur")); return 0;;
            -c|--command)
                COMPREPLY=(); return 0;;
        esac
        if [[ $cur == -* ]]; then
            COMPREPLY=($(compgen -W '-w --workspace -f --file -c --command --keep-going --echo --help' -- "$cur"))
        else
            COMPREPLY=($(compgen -W 'help set unset source quit exit workspace generate import export customer contract invoice payment plan whatif policy forecast aging latefee overdue queue kpi dun credit deposit bureau contact promise dispute complaint legal writeoff operator whoami approval correction journal' -- "$cur"))
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
    out="$(command recoup ${workspace[@]+"${workspace[@]}"} __complete \
        --cursor-word $(( ${#words[@]} - 1 )) -- "${words[@]}" 2>/dev/null)" || return 0
    COMPREPLY=()
    while IFS= read -r line; do
        [[ -z $line ]] && continue
        value="${line%%$'\t'*}"
        value="${value#"$strip"}"
        [[ $value == */ ]] && nospace=1
        if [[ $cur == [\'\"]* ]]; then
            COMPREPLY+=("$value")
        else
            COMPREPLY+=("$(printf '%q' "$value")")
        fi
    done <<< "$out"
    (( nospace )) && compopt -o nospace 2>/dev/null
    return 0
}
complete -F _recoup_complete recoup
