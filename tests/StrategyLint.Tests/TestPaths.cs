namespace StrategyLint.Tests;

/// <summary>Where the repository and the shared folder beside it are.</summary>
public static class TestPaths
{
    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>../shared beside the repository: corpus, schemas and SARIF tools. Absent for a lone clone.</summary>
    public static string Shared { get; } = Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared"));

    public static string SharedFile(string relative) => Path.Combine(Shared, relative);

    public static string Examples => Path.Combine(RepositoryRoot, "examples");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "StrategyLint.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException("Cannot find StrategyLint.sln above " + AppContext.BaseDirectory);
    }
}

/// <summary>A fact that needs a file from ../shared; skipped, naming what is missing, when the repository is cloned alone.</summary>
public sealed class SharedFactAttribute : FactAttribute
{
    public SharedFactAttribute(string relativePath)
    {
        if (!File.Exists(TestPaths.SharedFile(relativePath)) && !Directory.Exists(TestPaths.SharedFile(relativePath)))
            Skip = $"needs ../shared/{relativePath} beside the repository (it is not there: the repository was cloned alone)";
    }
}
