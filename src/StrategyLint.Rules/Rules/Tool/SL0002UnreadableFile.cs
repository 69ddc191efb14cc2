using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using StrategyLint.Analysis;

namespace StrategyLint.Rules.Tool;

/// <summary>
/// A file cannot be read as text, or may not be read at all (a symbolic link, a FIFO, a device). Reported by the linter
/// before parsing; the file is skipped. An error by default (product contract §15): a draft that is not linted must
/// fail the check rather than pass it unseen.
/// </summary>
internal sealed class SL0002UnreadableFile : StrategyRule
{
    internal static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
        id: "SL0002",
        title: "A file cannot be read as text",
        messageFormat: "This file {0} It was skipped; the other files were still linted.",
        category: RuleCategories.Tool,
        defaultSeverity: DiagnosticSeverity.Error,
        description: "StrategyLint reads UTF-8 (with or without a byte-order mark) and UTF-16 or UTF-32 with a byte-order mark. A binary file, or text in another encoding such as Windows-1252, is skipped with this diagnostic rather than guessed at. So is a file StrategyLint refuses to open: a symbolic link (unless --follow-symlinks is given and the link stays inside the repository), a FIFO, a socket or a device.",
        tags: ["input"]);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    // Reported by the linter when decoding fails; nothing to register.
    public override void Initialize(StrategyAnalysisContext context)
    {
    }
}
