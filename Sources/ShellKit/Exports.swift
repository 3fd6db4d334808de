// ShellKit's renderers measure text with TextWidth; its users see DisplayWidth and Alignment too.
@_exported import TextWidth
