import RecoupCore
import RecoupStore
import ShellKit

extension Catalog {
    static var dunningCommands: [Command] { [] }
}
