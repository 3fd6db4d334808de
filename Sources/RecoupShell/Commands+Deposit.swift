import RecoupCore
import RecoupStore
import ShellKit

extension Catalog {
    static var depositCommands: [Command] { [] }
}
