namespace StrategyLint.Analysis;

/// <summary>The rule categories; each maps to an id range. A config can set a whole category's severity.</summary>
public static class RuleCategories
{
    /// <summary>SL0xxx: the tool's own diagnostics (configuration, unreadable files, rule failures).</summary>
    public const string Tool = "Tool";
    /// <summary>SL1xxx: the outline of the document.</summary>
    public const string Structure = "Structure";
    /// <summary>SL2xxx: the seven focus areas of the ITU NCS Guide.</summary>
    public const string FocusAreas = "FocusAreas";
    /// <summary>SL3xxx: clauses good practice expects (human rights, gender, evaluation, action plan…).</summary>
    public const string Clauses = "Clauses";
    /// <summary>SL4xxx: technical-assistance lists.</summary>
    public const string Assistance = "Assistance";
    /// <summary>SL5xxx: framework principle packs.</summary>
    public const string Principles = "Principles";
    /// <summary>Your own rules, from a folder pack or a C# rule, unless they name a category above.</summary>
    public const string Custom = "Custom";

    /// <summary>Every category, in id order.</summary>
    public static IReadOnlyList<string> All { get; } = [Tool, Structure, FocusAreas, Clauses, Assistance, Principles, Custom];
}
