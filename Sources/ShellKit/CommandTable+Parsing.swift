extension CommandTable {
    /// Matches the tokens of a line against the table.
    ///
    /// The longest command path (or alias) at the start names the command. After it, options may
    /// appear anywhere: `--name value`, `--name=value`, `-s value`, flags alone; `--` ends options;
    /// a quoted word and a negative number (`-5`, unless declared as a short option) are positional.
    /// Positionals fill the declared arguments in order; a variadic argument takes the rest.
    ///
    /// - Throws: `ShellError` with the column of the offending word (the end of the line for a
    ///   missing argument): unknown command (did you mean), group without subcommand, unknown option
    ///   (did you mean), option without value, flag given a value, repeated option, missing argument
    ///   (hint: usage), too many arguments, value not among the allowed `.values`.
    public func parse(_ tokens: [Token]) throws(ShellError) -> ParsedCommand {
        guard !tokens.isEmpty else { throw ShellError("empty command") }
        let words = tokens.map(\.text)
        let walked = walk(words)
        let node = nodes[walked.node]
        let reached = Array(words.prefix(walked.depth))
        let next = walked.depth < tokens.count ? tokens[walked.depth] : nil
        if let command = walked.command, command.depth == walked.depth,
            next == nil || node.children.isEmpty || !specs[command.spec].arguments.isEmpty
                || next!.text.hasPrefix("-")
        {
            let spec = specs[command.spec]
            var parser = ArgumentParser(spec: spec, usage: usage(for: spec), tokens: tokens)
            return try parser.parse(from: command.depth)
        }
        let choices = node.children.map(\.word)
        guard let next else {
            throw ShellError(
                "'\(reached.joined(separator: " "))' needs a subcommand: \(choices.joined(separator: ", "))",
                column: tokens[walked.depth - 1].column)
        }
        let hint = DidYouMean.suggestion(for: next.text, among: choices)
            .map { "did you mean '\((reached + [$0]).joined(separator: " "))'?" }
        throw ShellError(
            "unknown command '\((reached + [next.text]).joined(separator: " "))'", hint: hint, column: next.column)
    }
}

/// Parses the words after a command's path.
struct ArgumentParser {
    let spec: CommandSpec
    let usage: String
    let tokens: [Token]
    var options: [String: [ParsedCommand.Occurrence]] = [:]
    var positionals: [(token: Token, value: String)] = []

    init(spec: CommandSpec, usage: String, tokens: [Token]) {
        self.spec = spec
        self.usage = usage
        self.tokens = tokens
    }

    /// True when `token` is to be read as an option name rather than a value.
    static func looksLikeOption(_ token: Token, in spec: CommandSpec) -> Bool {
        let text = token.text
        guard text.count > 1, text.hasPrefix("-"), text != "--" else { return false }
        if token.wasQuoted {
            // Only `--name=` typed bare, with a quoted value, is an option.
            guard let equals = text.unicodeScalars.firstIndex(of: "="), text.hasPrefix("--") else { return false }
            return text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: equals) < token.bareLength
        }
        let second = text.unicodeScalars.dropFirst().first!
        if ("0"..."9").contains(second) || second == "." {
            return spec.option(named: String(text.prefix(2))) != nil
        }
        return true
    }

    mutating func parse(from start: Int) throws(ShellError) -> ParsedCommand {
        var index = start
        var optionsEnded = false
        while index < tokens.count {
            let token = tokens[index]
            index += 1
            if !optionsEnded && !token.wasQuoted && token.text == "--" {
                optionsEnded = true
            } else if !optionsEnded && Self.looksLikeOption(token, in: spec) {
                try option(token, index: &index)
            } else {
                positionals.append((token, token.text))
            }
        }
        let arguments = try assignArguments()
        return ParsedCommand(
            spec: spec, path: tokens.prefix(start).map(\.text), positionals: positionals.map(\.value),
            tokens: tokens, argumentValues: arguments, optionValues: options)
    }

    mutating func option(_ token: Token, index: inout Int) throws(ShellError) {
        var name = token.text
        var inlineValue: ParsedCommand.Occurrence?
        if name.hasPrefix("--"), let equals = name.firstIndex(of: "=") {
            let offset = name.unicodeScalars.distance(from: name.startIndex, to: equals)
            inlineValue = .init(value: String(name[name.index(after: equals)...]), column: token.column + offset + 1)
            name = String(name[..<equals])
        }
        guard let option = spec.option(named: name) else {
            let names = spec.options.map(\.name)
            let hint =
                DidYouMean.suggestion(for: name, among: names).map { "did you mean '\($0)'?" }
                ?? (names.isEmpty ? "'\(spec.name)' takes no options" : nil)
            throw ShellError("unknown option '\(name)' for '\(spec.name)'", hint: hint, column: token.column)
        }
        if options[option.name] != nil && !option.isRepeatable {
            throw ShellError(
                "option '\(option.name)' is given more than once", hint: "give it once", column: token.column)
        }
        if option.isFlag {
            if inlineValue != nil {
                throw ShellError("option '\(option.name)' takes no value", column: token.column)
            }
            options[option.name, default: []].append(.init(value: "", column: token.column))
            return
        }
        let occurrence: ParsedCommand.Occurrence
        if let inlineValue {
            occurrence = inlineValue
        } else if index < tokens.count && !Self.isDeclaredOption(tokens[index], in: spec) {
            occurrence = .init(value: tokens[index].text, column: tokens[index].column)
            index += 1
        } else {
            throw ShellError(
                "option '\(option.name)' needs a value", hint: "usage: \(option.name) \(option.valueName!)",
                column: token.column)
        }
        try check(occurrence.value, allowedBy: option.completion, for: "'\(option.name)'", column: occurrence.column)
        options[option.name, default: []].append(occurrence)
    }

    /// A following word that is itself one of the command's options cannot be a value.
    static func isDeclaredOption(_ token: Token, in spec: CommandSpec) -> Bool {
        guard looksLikeOption(token, in: spec) else { return false }
        let name = token.text.split(separator: "=", maxSplits: 1).first.map(String.init) ?? token.text
        return spec.option(named: name) != nil
    }

    func check(_ value: String, allowedBy source: CompletionSource, for what: String, column: Int) throws(ShellError) {
        guard case .values(let allowed) = source, !allowed.contains(value) else { return }
        var hint = "expected one of: \(allowed.joined(separator: ", "))"
        if let close = DidYouMean.suggestion(for: value, among: allowed) { hint = "did you mean '\(close)'?" }
        throw ShellError("invalid value '\(value)' for \(what)", hint: hint, column: column)
    }

    func assignArguments() throws(ShellError) -> [String: [ParsedCommand.Occurrence]] {
        let required = spec.arguments.filter { !$0.isOptional }.count
        if positionals.count < required {
            let missing = missingArgument()
            let end = (tokens.last?.end ?? 0) + 1
            throw ShellError(
                "missing argument \(placeholder(missing)) for '\(spec.name)'", hint: usage, column: end)
        }
        var extra = positionals.count - required
        var next = 0
        var assigned: [String: [ParsedCommand.Occurrence]] = [:]
        for argument in spec.arguments {
            var take = argument.isOptional ? min(extra, 1) : 1
            if argument.isOptional { extra -= take }
            if argument.isVariadic { take = positionals.count - next }
            for (token, value) in positionals[next..<min(next + take, positionals.count)] {
                try check(value, allowedBy: argument.completion, for: placeholder(argument), column: token.column)
                assigned[argument.name, default: []].append(.init(value: value, column: token.column))
            }
            next += take
        }
        if next < positionals.count {
            let token = positionals[next].token
            let message =
                spec.arguments.isEmpty
                ? "'\(spec.name)' takes no arguments, got '\(token.text)'"
                : "too many arguments for '\(spec.name)': '\(token.text)'"
            throw ShellError(message, hint: usage, column: token.column)
        }
        return assigned
    }

    func missingArgument() -> ArgumentSpec {
        let requiredArguments = spec.arguments.filter { !$0.isOptional }
        return requiredArguments[positionals.count]
    }

    func placeholder(_ argument: ArgumentSpec) -> String {
        CommandTable.placeholder(argument.name)
    }
}
