using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace StrategyLint.CodeRules;

/// <summary>
/// Inserts <c>CodeRuleGuard.Check()</c> at the start of every method, accessor, lambda, local function and loop
/// body of a C# rule, so an endless loop or recursion meets a check it cannot skip. Expression bodies become block
/// bodies (the semantic model says whether they return a value). Runs after the rule compiled cleanly and passed
/// the allow-list, so error positions always refer to the author's own text.
/// </summary>
internal sealed class GuardInstrumenter(SemanticModel model) : CSharpSyntaxRewriter
{
    private static readonly StatementSyntax Check = ParseStatement("global::StrategyLint.Analysis.CodeRuleGuard.Check();");

    public static SyntaxTree Instrument(SyntaxTree tree, SemanticModel model)
    {
        var root = new GuardInstrumenter(model).Visit(tree.GetRoot());
        return tree.WithRootAndOptions(root, tree.Options);
    }

    public override SyntaxNode? VisitMethodDeclaration(MethodDeclarationSyntax node)
    {
        var returnsVoid = model.GetDeclaredSymbol(node) is { ReturnsVoid: true };
        var visited = (MethodDeclarationSyntax)base.VisitMethodDeclaration(node)!;
        return visited.ExpressionBody is { } arrow
            ? visited.WithExpressionBody(null).WithSemicolonToken(default).WithBody(BlockFor(arrow.Expression, returnsVoid))
            : visited.Body is { } body ? visited.WithBody(Guarded(body)) : visited;
    }

    public override SyntaxNode? VisitLocalFunctionStatement(LocalFunctionStatementSyntax node)
    {
        var returnsVoid = model.GetDeclaredSymbol(node) is IMethodSymbol { ReturnsVoid: true };
        var visited = (LocalFunctionStatementSyntax)base.VisitLocalFunctionStatement(node)!;
        return visited.ExpressionBody is { } arrow
            ? visited.WithExpressionBody(null).WithSemicolonToken(default).WithBody(BlockFor(arrow.Expression, returnsVoid))
            : visited.Body is { } body ? visited.WithBody(Guarded(body)) : visited;
    }

    public override SyntaxNode? VisitConstructorDeclaration(ConstructorDeclarationSyntax node)
    {
        var visited = (ConstructorDeclarationSyntax)base.VisitConstructorDeclaration(node)!;
        return visited.ExpressionBody is { } arrow
            ? visited.WithExpressionBody(null).WithSemicolonToken(default).WithBody(BlockFor(arrow.Expression, returnsVoid: true))
            : visited.Body is { } body ? visited.WithBody(Guarded(body)) : visited;
    }

    public override SyntaxNode? VisitAccessorDeclaration(AccessorDeclarationSyntax node)
    {
        var returnsVoid = !node.Keyword.IsKind(SyntaxKind.GetKeyword);
        var visited = (AccessorDeclarationSyntax)base.VisitAccessorDeclaration(node)!;
        return visited.ExpressionBody is { } arrow
            ? visited.WithExpressionBody(null).WithSemicolonToken(default).WithBody(BlockFor(arrow.Expression, returnsVoid))
            : visited.Body is { } body ? visited.WithBody(Guarded(body)) : visited;
    }

    public override SyntaxNode? VisitPropertyDeclaration(PropertyDeclarationSyntax node)
    {
        var visited = (PropertyDeclarationSyntax)base.VisitPropertyDeclaration(node)!;
        if (visited.ExpressionBody is not { } arrow)
            return visited;
        var getter = AccessorDeclaration(SyntaxKind.GetAccessorDeclaration, BlockFor(arrow.Expression, returnsVoid: false));
        return visited.WithExpressionBody(null).WithSemicolonToken(default).WithAccessorList(AccessorList(SingletonList(getter)));
    }

    public override SyntaxNode? VisitParenthesizedLambdaExpression(ParenthesizedLambdaExpressionSyntax node) =>
        GuardLambda(node, (ParenthesizedLambdaExpressionSyntax)base.VisitParenthesizedLambdaExpression(node)!);

    public override SyntaxNode? VisitSimpleLambdaExpression(SimpleLambdaExpressionSyntax node) =>
        GuardLambda(node, (SimpleLambdaExpressionSyntax)base.VisitSimpleLambdaExpression(node)!);

    public override SyntaxNode? VisitAnonymousMethodExpression(AnonymousMethodExpressionSyntax node)
    {
        var visited = (AnonymousMethodExpressionSyntax)base.VisitAnonymousMethodExpression(node)!;
        return visited.WithBlock(Guarded(visited.Block));
    }

    public override SyntaxNode? VisitWhileStatement(WhileStatementSyntax node) =>
        ((WhileStatementSyntax)base.VisitWhileStatement(node)!) is var v ? v.WithStatement(GuardedStatement(v.Statement)) : null;

    public override SyntaxNode? VisitDoStatement(DoStatementSyntax node) =>
        ((DoStatementSyntax)base.VisitDoStatement(node)!) is var v ? v.WithStatement(GuardedStatement(v.Statement)) : null;

    public override SyntaxNode? VisitForStatement(ForStatementSyntax node) =>
        ((ForStatementSyntax)base.VisitForStatement(node)!) is var v ? v.WithStatement(GuardedStatement(v.Statement)) : null;

    public override SyntaxNode? VisitForEachStatement(ForEachStatementSyntax node) =>
        ((ForEachStatementSyntax)base.VisitForEachStatement(node)!) is var v ? v.WithStatement(GuardedStatement(v.Statement)) : null;

    public override SyntaxNode? VisitForEachVariableStatement(ForEachVariableStatementSyntax node) =>
        ((ForEachVariableStatementSyntax)base.VisitForEachVariableStatement(node)!) is var v ? v.WithStatement(GuardedStatement(v.Statement)) : null;

    // A backward goto is a loop too.
    public override SyntaxNode? VisitLabeledStatement(LabeledStatementSyntax node) =>
        ((LabeledStatementSyntax)base.VisitLabeledStatement(node)!) is var v ? v.WithStatement(GuardedStatement(v.Statement)) : null;

    private SyntaxNode GuardLambda(LambdaExpressionSyntax original, LambdaExpressionSyntax visited)
    {
        if (visited.Block is { } block)
            return visited.WithBlock(Guarded(block));
        var returnsVoid = model.GetSymbolInfo(original).Symbol is IMethodSymbol { ReturnsVoid: true };
        return visited.WithExpressionBody(null).WithBlock(BlockFor(visited.ExpressionBody!, returnsVoid));
    }

    private static BlockSyntax Guarded(BlockSyntax block) => block.WithStatements(block.Statements.Insert(0, Check));

    private static BlockSyntax GuardedStatement(StatementSyntax statement) =>
        statement is BlockSyntax block ? Guarded(block) : Block(Check, statement);

    private static BlockSyntax BlockFor(ExpressionSyntax expression, bool returnsVoid) => Block(
        Check,
        expression is ThrowExpressionSyntax thrown ? ThrowStatement(thrown.Expression)
        : returnsVoid ? ExpressionStatement(expression)
        : ReturnStatement(expression));
}
