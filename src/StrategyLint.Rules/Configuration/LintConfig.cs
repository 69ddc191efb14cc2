using Microsoft.CodeAnalysis;
using StrategyLint.Analysis;

namespace StrategyLint.Configuration;

/// <summary>A loaded, validated configuration. <see cref="Default"/> is what a run without a config file uses.</summary>
internal sealed class LintConfig
{
    public static readonly IReadOnlyList<string> DefaultInclude = ["**/*.md"];

    public static LintConfig Default(string baseDirectory) => new() { BaseDirectory = baseDirectory };

    /// <summary>The config file, or null when none was found.</summary>
    public string? Path { get; init; }

    /// <summary>The folder globs are relative to: the config file's folder, or the working folder.</summary>
    public required string BaseDirectory { get; init; }

    public IReadOnlyList<string> Include { get; init; } = DefaultInclude;

    public IReadOnlyList<string> Exclude { get; init; } = [];

    /// <summary>Glob → profile pairs, in file order (the first match wins).</summary>
    public IReadOnlyList<(string Glob, string Profile)> Profiles { get; init; } = [];

    /// <summary><c>limits.maxFileSizeMB</c>: larger files are skipped with SL0005.</summary>
    public int MaxFileSizeMB { get; init; } = 32;

    /// <summary><c>limits.maxNestingDepth</c>: deeper block-quote or list nesting is skipped with SL0005.</summary>
    public int MaxNestingDepth { get; init; } = 64;

    /// <summary><c>limits.maxFindingsPerRule</c>: a rule's findings in one file past this many are summarised in one finding.</summary>
    public int MaxFindingsPerRule { get; init; } = DefaultMaxFindingsPerRule;

    public const int DefaultMaxFindingsPerRule = 100;

    /// <summary><c>limits.timeoutSecondsPerFile</c>: rules still running on a file after this long are stopped and the file is skipped with SL0005.</summary>
    public int TimeoutSecondsPerFile { get; init; } = DefaultTimeoutSecondsPerFile;

    public const int DefaultTimeoutSecondsPerFile = 10;

    /// <summary><c>suppressions.requireReason</c>: a suppression comment without a reason is refused (SL0003).</summary>
    public bool RequireSuppressionReason { get; init; }

    /// <summary>What became of <c>codeRules</c> (compiled, loaded from the cache, disabled), for --verbose; null without them.</summary>
    public string? CodeRulesStatus { get; init; }

    /// <summary>
    /// What the run should say about this configuration without refusing it: C# rules asked for without trust, a
    /// folder pack that replaces a shipped pack. Written to standard error and reported as info-level SL0001 findings
    /// on the configuration file.
    /// </summary>
    public IReadOnlyList<ConfigProblem> Notices { get; init; } = [];

    /// <summary>The run's rules when the config adds packs or code rules; null means the built-in catalog.</summary>
    public RuleCatalog? Catalog { get; init; }

    /// <summary>Severities set for whole packs in <c>extends</c>, by rule id: below an id in <see cref="Rules"/>, above a category.</summary>
    public IReadOnlyDictionary<string, RuleSeverity> PackSeverities { get; init; } = new Dictionary<string, RuleSeverity>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Severities by rule id or category name (case-insensitive keys).</summary>
    public IReadOnlyDictionary<string, RuleSeverity> Rules { get; init; } = new Dictionary<string, RuleSeverity>(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Effective severity. The document's front matter beats the file's .editorconfig sections
    /// (<paramref name="fileOverrides"/>, from <see cref="EditorConfigSeverities"/>), which beat this
    /// configuration's rules, which beat the rule's default; at each level a rule id beats its category.
    /// </summary>
    public RuleSeverity SeverityOf(DiagnosticDescriptor descriptor, IReadOnlyDictionary<string, RuleSeverity>? documentOverrides = null, IReadOnlyDictionary<string, RuleSeverity>? fileOverrides = null)
    {
        if (documentOverrides is not null)
        {
            if (documentOverrides.TryGetValue(descriptor.Id, out var doc)) return doc;
            if (documentOverrides.TryGetValue(descriptor.Category, out doc)) return doc;
        }
        if (fileOverrides is not null)
        {
            if (fileOverrides.TryGetValue(descriptor.Id, out var file)) return file;
            if (fileOverrides.TryGetValue(descriptor.Category, out file)) return file;
        }
        if (Rules.TryGetValue(descriptor.Id, out var severity)) return severity;
        if (PackSeverities.TryGetValue(descriptor.Id, out severity)) return severity;
        if (Rules.TryGetValue(descriptor.Category, out severity)) return severity;
        return RuleSeverityExtensions.FromDefault(descriptor.DefaultSeverity);
    }
}
