using System.CommandLine;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.FileSystemGlobbing;
using StrategyLint.Analysis;
using StrategyLint.Configuration;
using StrategyLint.IO;
using StrategyLint.Linting;
using StrategyLint.Profiles;
using StrategyLint.Syntax;

namespace StrategyLint.Cli.Commands;

/// <summary>
/// <c>strategylint init</c>: writes a commented starter strategylint.json in the current folder. It looks at the
/// Markdown files below the folder, keeps those that read like drafts, and guesses from them which folders to
/// check (<c>include</c>) and what kind of document each folder holds (<c>profiles</c>, by the same detection
/// the linter uses). It says what it guessed and why, never replaces a file without <c>--force</c>, and writes
/// atomically after checking that the new file loads without a problem.
/// </summary>
internal static class InitCommand
{
    // The raw file, which editors can download for completion (a github.com/…/blob page is HTML).
    public const string SchemaUri = "https://raw.githubusercontent.com/strategylint/strategylint/main/docs/strategylint.schema.json";

    /// <summary>The Markdown files looked at, at most; a folder with more is not a drafting repository.</summary>
    internal const int MaxFiles = 2000;

    // Files that describe a repository rather than draft a strategy.
    private static readonly string[] NotDraftNames = ["README.md", "CHANGELOG.md", "CONTRIBUTING.md", "LICENSE.md", "CODE_OF_CONDUCT.md"];

    // Always written to 'exclude': readmes and change logs sit beside drafts in many repositories.
    private static readonly string[] StandardExcludes = ["**/README.md", "**/CHANGELOG.md"];

    // A Markdown file that mentions none of these is not taken for a draft.
    private static readonly string[] DraftWords = ["cyber", "strateg", "capacity building", "capacity-building", "technical assistance"];

    private const int ListedLines = 20;

    public static Command Create(CliEnvironment environment)
    {
        var force = new Option<bool>("--force") { Description = "Replace an existing strategylint.json (or .strategylint.json) in this folder." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Print the file instead of writing it." };
        var command = new Command("init", "Write a starter strategylint.json in the current folder, with notes in plain English. It guesses which folders hold drafts and what kind of document each is from the Markdown files it finds.");
        command.Options.Add(force);
        command.Options.Add(dryRun);
        command.SetAction(parse => Execute(environment, parse.GetValue(force), parse.GetValue(dryRun)));
        return command;
    }

    /// <summary>A Markdown file taken for a draft: its path relative to the folder (forward slashes), its folder ("" at the top) and its profile.</summary>
    internal sealed record Draft(string Path, string Folder, ProfileChoice Profile);

    /// <summary>What the look through the folder found.</summary>
    internal sealed record Survey(List<Draft> Drafts, List<(string Path, string Why)> NotDrafts, int Looked, bool Truncated);

    /// <summary>The guessed settings, with the notes that explain them.</summary>
    internal sealed record Starter(
        List<string> Include,
        List<string> Exclude,
        List<(string Glob, string Profile, string Note)> Profiles,
        List<string> MixedNotes,
        Survey Survey);

    private static int Execute(CliEnvironment environment, bool force, bool dryRun)
    {
        var folder = environment.WorkingDirectory;
        var existing = ConfigLoader.FileNames.Select(n => Path.Combine(folder, n)).Where(File.Exists).ToList();
        if (existing.Count > 0 && !force && !dryRun)
        {
            environment.Error.WriteLine($"strategylint: {Path.GetFileName(existing[0])} already exists in this folder, so nothing was written. Edit it, or run 'strategylint init --force' to replace it with a new starter file.");
            return StrategyLintCli.ExitUsage;
        }
        // With --force the existing file is replaced under its own name; two config files in one folder would confuse.
        var target = existing.Count == 1 ? existing[0] : Path.Combine(folder, ConfigLoader.FileNames[0]);
        var name = Path.GetFileName(target);

        var starter = Guess(Look(folder));
        var text = Render(starter);

        var report = dryRun ? environment.Error : environment.Out;
        // The starter must load cleanly: check it through the same loader 'strategylint' uses before anyone sees it.
        if (Check(name, text) is { } problem)
            return Failed(environment, problem);
        if (dryRun)
        {
            Explain(starter, report);
            environment.Out.Write(text);
            report.WriteLine($"This is what 'strategylint init' would write to {name}; nothing was written.");
            return StrategyLintCli.ExitClean;
        }

        // Through the one safe writer: a random temporary name, never through a committed link, an existing file
        // replaced only with --force.
        var outcome = AtomicFileWriter.Write(target, new UTF8Encoding(false).GetBytes(text), FileWriteOptions.For(folder) with { Overwrite = force });
        if (!outcome.Written)
        {
            environment.Error.WriteLine(!force && outcome.Status == FileWriteStatus.Refused && File.Exists(target) && new FileInfo(target).LinkTarget is null
                ? $"strategylint: {name} appeared in this folder while the starter was being written, so it was left as it is. Run 'strategylint init --force' to replace it."
                : $"strategylint: {name} was not written: {Output.Escape.Text(outcome.Problem)}");
            return StrategyLintCli.ExitUsage;
        }

        Explain(starter, report);
        report.WriteLine(existing.Count > 0 ? $"Replaced {name}." : $"Wrote {name}.");
        // The nearest file wins, so a configuration further up no longer applies here.
        // Discovery stops at the repository root, so only a configuration between here and that root applied.
        if (Path.GetDirectoryName(Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar)) is { } above && ConfigLoader.Discover(above, RepositoryRoot.Find(folder)) is { } parent)
            report.WriteLine($"Until now {Output.Escape.Text(InputResolver.DisplayPath(parent, folder))} applied here. From now on this new file applies to this folder and the folders below it instead, because the nearest file wins.");
        report.WriteLine("Run 'strategylint' here to check the drafts. Open the file to change what is checked; the notes in it say how.");
        return StrategyLintCli.ExitClean;
    }

    private static int Failed(CliEnvironment environment, string problem)
    {
        environment.Error.WriteLine($"strategylint: the starter configuration did not pass its own check, so nothing was written: {Output.Escape.Text(problem)}");
        environment.Error.WriteLine("Please report this at " + ToolInfo.InformationUri + "/issues.");
        return StrategyLintCli.ExitUsage;
    }

    /// <summary>
    /// Writes <paramref name="text"/> into a new private folder under the name it will have, and loads it as the
    /// linter would. Returns the first problem, or null when it loads cleanly. Nothing is written in the working
    /// folder until the text has passed.
    /// </summary>
    private static string? Check(string name, string text)
    {
        var directory = Directory.CreateTempSubdirectory("strategylint-init-").FullName;
        try
        {
            var path = Path.Combine(directory, name);
            File.WriteAllText(path, text, new UTF8Encoding(false));
            var (_, problems) = ConfigLoader.Load(path, name, RuleCatalog.BuiltIn);
            return problems.Count > 0 ? problems[0].ToString() : null;
        }
        finally
        {
            try { Directory.Delete(directory, recursive: true); } catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { }
        }
    }

    // ---- looking at the folder ----------------------------------------------------------------------------------

    /// <summary>Every Markdown file below <paramref name="root"/> (not in node_modules, .git or other hidden folders), sorted, each judged draft or not.</summary>
    internal static Survey Look(string root)
    {
        var drafts = new List<Draft>();
        var notDrafts = new List<(string, string)>();
        var config = LintConfig.Default(root);
        var looked = 0;
        var truncated = false;
        foreach (var full in MarkdownFiles(root))
        {
            if (looked == MaxFiles)
            {
                truncated = true;
                break;
            }
            looked++;
            var relative = Path.GetRelativePath(root, full).Replace('\\', '/');
            var fileName = Path.GetFileName(full);
            if (NotDraftNames.Contains(fileName, StringComparer.OrdinalIgnoreCase))
            {
                notDrafts.Add((relative, "a readme, change log, licence or contributing guide describes the repository, not a strategy"));
                continue;
            }
            // Through SafeFileReader, as lint reads: a linked, special or huge file is noted, never opened.
            var read = SafeFileReader.Read(full, SafeFileReader.DefaultDraftLimitBytes, ReadPolicy.CurrentOr(root));
            if (read.Bytes is not { } bytes)
            {
                notDrafts.Add((relative, read.Problem!.Kind switch
                {
                    ReadProblemKind.SymbolicLink or ReadProblemKind.LinkOutside or ReadProblemKind.LinkLoop or ReadProblemKind.LinkIntoGit => "it is a symbolic link, which StrategyLint does not follow by default",
                    ReadProblemKind.TooLarge => "it is larger than the 32 MB limit",
                    ReadProblemKind.NotRegular => "it is not a regular file",
                    _ => "it cannot be opened",
                }));
                continue;
            }
            var decoded = SourceDecoder.Decode(bytes);
            if (!decoded.Succeeded)
            {
                notDrafts.Add((relative, "it cannot be read as text"));
                continue;
            }
            var document = StrategyParser.Parse(relative, decoded.Text!);
            var profile = ProfileResolver.Resolve(document, full, flag: null, config);
            var words = (document.FrontMatter.Title ?? "") + "\n" + document.Prose;
            if (profile.Source != ProfileChoice.FromFrontMatter && !DraftWords.Any(w => words.Contains(w, StringComparison.OrdinalIgnoreCase)))
            {
                notDrafts.Add((relative, "it does not mention cyber, a strategy, capacity building or technical assistance"));
                continue;
            }
            var slash = relative.LastIndexOf('/');
            drafts.Add(new Draft(relative, slash < 0 ? "" : relative[..slash], profile));
        }
        return new Survey(drafts, notDrafts, looked, truncated);
    }

    private static IEnumerable<string> MarkdownFiles(string root)
    {
        var pending = new Stack<string>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var folder = pending.Pop();
            string[] files, folders;
            try
            {
                files = Directory.GetFiles(folder, "*.md");
                folders = Directory.GetDirectories(folder);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                continue;
            }
            Array.Sort(files, StringComparer.Ordinal);
            foreach (var file in files)
                yield return file;
            // Pushed in reverse so folders come out in name order; links are not followed, so a loop cannot trap the walk.
            Array.Sort(folders, StringComparer.Ordinal);
            for (var i = folders.Length - 1; i >= 0; i--)
            {
                var name = Path.GetFileName(folders[i]);
                if (name.StartsWith('.') || name == "node_modules" || new DirectoryInfo(folders[i]).LinkTarget is not null)
                    continue;
                pending.Push(folders[i]);
            }
        }
    }

    // ---- guessing the settings ------------------------------------------------------------------------------------

    /// <summary>Include: the top-level folders that hold drafts. Profiles: a folder's glob when all its drafts are of one kind.</summary>
    internal static Starter Guess(Survey survey)
    {
        var drafts = survey.Drafts;
        var include = new List<string>();
        if (drafts.Count == 0)
        {
            include.Add("**/*.md");
        }
        else
        {
            if (drafts.Any(d => d.Folder.Length == 0))
                include.Add("*.md");
            include.AddRange(drafts.Where(d => d.Folder.Length > 0).Select(d => d.Folder.Split('/')[0]).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(top => $"{top}/**/*.md"));
        }

        var exclude = new List<string>(StandardExcludes);
        var includer = new Matcher(StringComparison.Ordinal);
        includer.AddIncludePatterns(include);
        var standard = new Matcher(StringComparison.Ordinal);
        standard.AddIncludePatterns(StandardExcludes);
        // Files that are not drafts but sit where drafts are would be checked: name them.
        exclude.AddRange(survey.NotDrafts.Select(n => n.Path).Where(p => includer.Match(p).HasMatches && !standard.Match(p).HasMatches));

        var profiles = new List<(string, string, string)>();
        var mixed = new List<string>();
        if (drafts.Count > 0)
            MapProfiles("", drafts, profiles, mixed);
        return new Starter(include, exclude, profiles, mixed, survey);
    }

    /// <summary>
    /// When every draft in <paramref name="folder"/> and below is of one kind, maps the whole folder; otherwise maps
    /// the drafts directly in it (when they agree) and looks at each subfolder the same way.
    /// </summary>
    private static void MapProfiles(string folder, List<Draft> drafts, List<(string Glob, string Profile, string Note)> profiles, List<string> mixed)
    {
        var below = drafts.Where(d => IsAtOrBelow(d.Folder, folder)).ToList();
        if (below.Count == 0)
            return;
        // At the top, "**/*.md" only when drafts sit there too; otherwise each folder's glob, as in 'include', reads better.
        if (below.Select(d => d.Profile.Name).Distinct().Count() == 1 && (folder.Length > 0 || below.Any(d => d.Folder.Length == 0)))
        {
            profiles.Add((folder.Length == 0 ? "**/*.md" : $"{folder}/**/*.md", below[0].Profile.Name, Because(below)));
            return;
        }
        var here = below.Where(d => d.Folder == folder).ToList();
        if (here.Count > 0 && here.Select(d => d.Profile.Name).Distinct().Count() == 1)
            profiles.Add((folder.Length == 0 ? "*.md" : $"{folder}/*.md", here[0].Profile.Name, Because(here)));
        else if (here.Count > 0)
            mixed.Add(folder.Length == 0 ? "this folder" : folder + "/");
        var children = below.Where(d => d.Folder != folder)
            .Select(d => ChildOf(folder, d.Folder)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        foreach (var child in children)
            MapProfiles(child, drafts, profiles, mixed);
    }

    private static bool IsAtOrBelow(string path, string folder) =>
        folder.Length == 0 || path == folder || path.StartsWith(folder + "/", StringComparison.Ordinal);

    /// <summary>The first folder below <paramref name="folder"/> on the way to <paramref name="descendant"/>.</summary>
    private static string ChildOf(string folder, string descendant)
    {
        var rest = folder.Length == 0 ? descendant : descendant[(folder.Length + 1)..];
        var slash = rest.IndexOf('/');
        var first = slash < 0 ? rest : rest[..slash];
        return folder.Length == 0 ? first : $"{folder}/{first}";
    }

    private static string Because(List<Draft> drafts)
    {
        var example = drafts[0];
        var how = HowTold(example.Profile);
        return drafts.Count == 1
            ? $"Guessed from {example.Path}: {how}."
            : $"Guessed from {drafts.Count} drafts, all of this kind; for example {example.Path}: {how}.";
    }

    // ---- writing the file -------------------------------------------------------------------------------------------

    private static readonly JsonSerializerOptions StringWriter = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string Quote(string value) => JsonSerializer.Serialize(value, StringWriter);

    /// <summary>The starter file: JSON with // notes for the people who will edit it.</summary>
    internal static string Render(Starter starter)
    {
        var text = new StringBuilder();
        void Line(string line = "") => text.Append(line).Append('\n');
        void List(string indent, IReadOnlyList<string> items)
        {
            for (var i = 0; i < items.Count; i++)
                Line($"{indent}{Quote(items[i])}{(i < items.Count - 1 ? "," : "")}");
        }

        Line("// Settings for StrategyLint, written by 'strategylint init'.");
        Line("// StrategyLint uses this file when it checks drafts in this folder or in any folder below it.");
        Line("// Lines that start with // are notes for people. StrategyLint skips them, and you can delete them.");
        Line($"// Every setting is explained at {ToolInfo.InformationUri}#configuration");
        Line("{");
        Line("  // This line lets editors such as VS Code suggest settings and point out typos while you edit.");
        Line($"  \"$schema\": {Quote(SchemaUri)},");
        Line();

        var drafts = starter.Survey.Drafts;
        Line("  // Which Markdown files are drafts to check, written as patterns from this folder.");
        Line("  // In a pattern, * stands for any file name and ** for any number of folders.");
        if (drafts.Count == 0)
        {
            Line("  // No drafts were found yet, so every Markdown file below this folder is checked. Once the drafts");
            Line("  // have a folder of their own, name it here instead, for example \"drafts/**/*.md\".");
        }
        else
        {
            Line($"  // StrategyLint found {Count(drafts.Count, "draft")} in: {string.Join(", ", DraftFolders(drafts))}.");
        }
        Line("  \"include\": [");
        List("    ", starter.Include);
        Line("  ],");
        Line();

        Line("  // Files that are never checked. Readmes and change logs describe the drafts; they are not drafts.");
        if (starter.Exclude.Count > StandardExcludes.Length)
            Line("  // The files named one by one sit beside the drafts but did not read like drafts to StrategyLint.");
        Line("  \"exclude\": [");
        List("    ", starter.Exclude);
        Line("  ],");
        Line();

        Line("  // What kind of document the drafts in each folder are, so that the right checks run. The kinds are");
        Line("  // national-cybersecurity-strategy, capacity-building-plan and cybercrime-strategy.");
        Line("  // The first pattern that matches a draft decides. A draft that says its kind in its front matter");
        Line("  // (for example 'type: cybercrime-strategy' at the top) keeps that kind, whatever is written here.");
        if (starter.Profiles.Count == 0 && starter.MixedNotes.Count == 0)
        {
            Line("  // No drafts were found, so nothing is set. A draft that no pattern matches has its kind guessed");
            Line("  // from its title and text each time it is checked. To set one, write for example:");
            Line("  //   \"plans/**/*.md\": \"capacity-building-plan\"");
        }
        else
        {
            Line("  // StrategyLint guessed these from the titles and text of the drafts it found. Check that they are right.");
        }
        foreach (var folder in starter.MixedNotes)
            Line($"  // The drafts directly in {folder} are of different kinds, so each one's kind is guessed from its title and text.");
        Line("  \"profiles\": {");
        for (var i = 0; i < starter.Profiles.Count; i++)
        {
            var (glob, profile, note) = starter.Profiles[i];
            Line($"    // {note}");
            Line($"    {Quote(glob)}: {Quote(profile)}{(i < starter.Profiles.Count - 1 ? "," : "")}");
        }
        Line("  },");
        Line();

        Line("  // How much each check matters: \"error\" (the check fails), \"warning\", \"info\" (a note only) or \"off\".");
        Line("  // Set it for one check by its id, or for a whole group of checks by the group's name: Structure,");
        Line("  // FocusAreas, Clauses, Assistance or Principles. A setting for one check wins over its group's.");
        Line("  // 'strategylint rules' lists every check with its id and group; 'strategylint explain SL1003' tells");
        Line("  // what a check looks for and why. To use an example below, remove the two slashes in front of it.");
        Line("  \"rules\": {");
        Line("    // Turn one check off, for example the one for headings with nothing under them, while sections");
        Line("    // are still being written:");
        Line("    // \"SL1003\": \"off\",");
        Line();
        Line("    // Turn a whole group off, for example the checks on technical assistance:");
        Line("    // \"Assistance\": \"off\",");
        Line();
        Line("    // Make a check an error, so the check fails until the draft is fixed, for example the one that");
        Line("    // asks for a human-rights clause:");
        Line("    // \"SL3001\": \"error\",");
        Line("  }");
        Line("}");
        return text.ToString();
    }

    /// <summary>How a draft's kind was told, as a clause: "its front matter says so", "the title mentions cybercrime".</summary>
    private static string HowTold(ProfileChoice profile) =>
        profile.Source == ProfileChoice.FromFrontMatter ? "its front matter says so with 'type'" : profile.Reason;

    private static IEnumerable<string> DraftFolders(List<Draft> drafts) =>
        drafts.GroupBy(d => d.Folder).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"{(g.Key.Length == 0 ? "this folder" : g.Key + "/")} ({g.Count()})");

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";

    // ---- saying what was guessed ------------------------------------------------------------------------------------

    private static void Explain(Starter starter, TextWriter writer)
    {
        var survey = starter.Survey;
        var drafts = survey.Drafts;
        var looked = Count(survey.Looked, "Markdown file");
        if (survey.Looked == 0)
        {
            writer.WriteLine("There are no Markdown (*.md) files below this folder yet, so the starter checks every Markdown file (**/*.md)");
            writer.WriteLine("and guesses each draft's kind from its title and text. Add the drafts, or edit 'include' to point at them.");
            return;
        }
        if (survey.Truncated)
            writer.WriteLine($"Stopped looking after {looked}; the guesses below come from those.");
        if (drafts.Count == 0)
        {
            writer.WriteLine($"Looked at {looked} below this folder and none reads like a draft, so the starter checks every Markdown file (**/*.md).");
        }
        else
        {
            writer.WriteLine($"Looked at {looked} below this folder and found {Count(drafts.Count, "draft")}. The kind of each, and how it was told:");
            foreach (var draft in drafts.Take(ListedLines))
                writer.WriteLine($"  {Output.Escape.Text(draft.Path)}: {draft.Profile.Name} ({Output.Escape.Text(HowTold(draft.Profile))})");
            if (drafts.Count > ListedLines)
                writer.WriteLine($"  and {drafts.Count - ListedLines} more.");
        }
        if (survey.NotDrafts.Count > 0)
        {
            writer.WriteLine("Not taken for drafts:");
            foreach (var (path, why) in survey.NotDrafts.Take(ListedLines))
                writer.WriteLine($"  {Output.Escape.Text(path)}: {why}");
            if (survey.NotDrafts.Count > ListedLines)
                writer.WriteLine($"  and {survey.NotDrafts.Count - ListedLines} more.");
        }
        if (drafts.Count > 0)
        {
            writer.WriteLine($"Files to check (include): {Output.Escape.Text(string.Join(", ", starter.Include))}, the folders that hold the drafts.");
            foreach (var (glob, profile, _) in starter.Profiles)
                writer.WriteLine($"Kind of document (profiles): {Output.Escape.Text(glob)} is {profile}.");
            foreach (var folder in starter.MixedNotes)
                writer.WriteLine($"The drafts directly in {Output.Escape.Text(folder)} are of different kinds, so no kind is set for them: each is guessed when it is checked.");
        }
    }
}
