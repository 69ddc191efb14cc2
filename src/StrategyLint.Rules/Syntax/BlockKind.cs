namespace StrategyLint.Syntax;

/// <summary>The kinds of block a rule can register for.</summary>
public enum BlockKind
{
    /// <summary>An ATX (<c>## Title</c>) or setext heading.</summary>
    Heading,
    /// <summary>A paragraph of prose.</summary>
    Paragraph,
    /// <summary>A bulleted or numbered list.</summary>
    List,
    /// <summary>One item of a list.</summary>
    ListItem,
    /// <summary>A pipe table.</summary>
    Table,
    /// <summary>A row of a table (the header row included).</summary>
    TableRow,
    /// <summary>A cell of a table row.</summary>
    TableCell,
    /// <summary>A block quote.</summary>
    Quote,
    /// <summary>A fenced or indented code block: not prose.</summary>
    Code,
    /// <summary>An HTML block, HTML comments included: not prose.</summary>
    Html,
    /// <summary>A thematic break (<c>---</c>).</summary>
    ThematicBreak,
    /// <summary>Any other block (link reference definitions and the like).</summary>
    Other,
}
