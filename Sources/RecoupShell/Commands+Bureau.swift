import RecoupCore
import RecoupStore
import ShellKit

extension Catalog {
    static var bureauCommands: [Command] { [] }
}
