using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace StrategyLint.CodeRules;

/// <summary>
/// Inserts <c>CodeRuleGuard.Check()</c> at the start of every body a C# rule writes (methods, constructors, static
/// constructors, operators, conversions, accessors, indexers, lambdas, local functions) and at every place a loop or
/// a jump can come back to (loop bodies, labels, switch sections for <c>goto case</c>), so an endless loop or
/// recursion meets a check it cannot skip. Code that runs before a constructor's body (field initializers and the
/// arguments of <c>: this(…)</c> / <c>: base(…)</c>) is guarded too, and a record class gets an explicit
/// <c>EqualityContract</c> with a check, which the compiler's own Equals and GetHashCode call at every level of a
/// self-referencing record. Expression bodies become block bodies (the semantic model says whether they return a
/// value). Runs after the rule compiled cleanly and passed the allow-list, so error positions always refer to the
/// author's own text.
/// </summary>
internal sealed class GuardInstrumenter(SemanticModel model) : CSharpSyntaxRewriter
{
    private static readonly StatementSyntax Check = ParseStatement("global::StrategyLint.Analysis.CodeRuleGuard.Check();");

    // The check as an expression (true), for places that only take one: initializers and constructor arguments.
    private static readonly ExpressionSyntax CheckValue = ParseExpression(
        "((global::System.Func<bool>)(static () => { global::StrategyLint.Analysis.CodeRuleGuard.Check(); return true; }))()");

    public static SyntaxTree Instrument(SyntaxTree tree, SemanticModel model)
    {
        var root = new GuardInstrumenter(model).Visit(tree.GetRoot());
        return tree.WithRootAndOptions(root, tree.Options);
    }

    public override SyntaxNode? VisitMethodDeclaration(MethodDeclarationSyntax node) =>
        GuardBody((MethodDeclarationSyntax)base.VisitMethodDeclaration(node)!, returnsVoid: model.GetDeclaredSymbol(node) is { ReturnsVoid: true });

    public override SyntaxNode? VisitLocalFunctionStatement(LocalFunctionStatementSyntax node)
    {
        var returnsVoid = model.GetDeclaredSymbol(node) is IMethodSymbol { ReturnsVoid: true };
        var visited = (LocalFunctionStatementSyntax)base.VisitLocalFunctionStatement(node)!;
        return visited.ExpressionBody is { } arrow
            ? visited.WithExpressionBody(null).WithSemicolonToken(default).WithBody(BlockFor(arrow.Expression, returnsVoid))
            : visited.Body is { } body ? visited.WithBody(Guarded(body)) : visited;
    }

    public override SyntaxNode? VisitConstructorDeclaration(ConstructorDeclarationSyntax node) =>
        GuardBody((ConstructorDeclarationSyntax)base.VisitConstructorDeclaration(node)!, returnsVoid: true);

    public override SyntaxNode? VisitConstructorInitializer(ConstructorInitializerSyntax node)
    {
        var visited = (ConstructorInitializerSyntax)base.VisitConstructorInitializer(node)!;
        return visited.WithArgumentList(GuardedArguments(visited.ArgumentList));
    }

    public override SyntaxNode? VisitPrimaryConstructorBaseType(PrimaryConstructorBaseTypeSyntax node)
    {
        var visited = (PrimaryConstructorBaseTypeSyntax)base.VisitPrimaryConstructorBaseType(node)!;
        return visited.WithArgumentList(GuardedArguments(visited.ArgumentList));
    }

    public override SyntaxNode? VisitDestructorDeclaration(DestructorDeclarationSyntax node) =>
        GuardBody((DestructorDeclarationSyntax)base.VisitDestructorDeclaration(node)!, returnsVoid: true);

    public override SyntaxNode? VisitOperatorDeclaration(OperatorDeclarationSyntax node) =>
        GuardBody((OperatorDeclarationSyntax)base.VisitOperatorDeclaration(node)!, returnsVoid: model.GetDeclaredSymbol(node) is { ReturnsVoid: true });

    public override SyntaxNode? VisitConversionOperatorDeclaration(ConversionOperatorDeclarationSyntax node) =>
        GuardBody((ConversionOperatorDeclarationSyntax)base.VisitConversionOperatorDeclaration(node)!, returnsVoid: false);

    public override SyntaxNode? VisitIndexerDeclaration(IndexerDeclarationSyntax node)
    {
        var visited = (IndexerDeclarationSyntax)base.VisitIndexerDeclaration(node)!;
        if (visited.ExpressionBody is not { } arrow)
            return visited;
        var getter = AccessorDeclaration(SyntaxKind.GetAccessorDeclaration, BlockFor(arrow.Expression, returnsVoid: false));
        return visited.WithExpressionBody(null).WithSemicolonToken(default).WithAccessorList(AccessorList(SingletonList(getter)));
    }

    // An instance initializer runs before any constructor body: "A a = new A();" would recurse without meeting a check.
    public override SyntaxNode? VisitFieldDeclaration(FieldDeclarationSyntax node)
    {
        var visited = (FieldDeclarationSyntax)base.VisitFieldDeclaration(node)!;
        return IsInstance(node) ? visited.WithDeclaration(GuardedInitializers(visited.Declaration)) : visited;
    }

    public override SyntaxNode? VisitEventFieldDeclaration(EventFieldDeclarationSyntax node)
    {
        var visited = (EventFieldDeclarationSyntax)base.VisitEventFieldDeclaration(node)!;
        return IsInstance(node) ? visited.WithDeclaration(GuardedInitializers(visited.Declaration)) : visited;
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
        if (visited.Initializer is { } initializer && IsInstance(node))
            visited = visited.WithInitializer(initializer.WithValue(GuardedValue(initializer.Value)));
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

    // "goto case" and "goto default" jump back to a section: every section is a place a loop can come back to.
    public override SyntaxNode? VisitSwitchSection(SwitchSectionSyntax node)
    {
        var visited = (SwitchSectionSyntax)base.VisitSwitchSection(node)!;
        return visited.WithStatements(visited.Statements.Insert(0, Check));
    }

    public override SyntaxNode? VisitRecordDeclaration(RecordDeclarationSyntax node)
    {
        var visited = (RecordDeclarationSyntax)base.VisitRecordDeclaration(node)!;
        return EqualityContractFor(node) is { } contract ? visited.AddMembers(contract) : visited;
    }

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

    /// <summary>
    /// The compiler's Equals and GetHashCode of a record class read EqualityContract at every level; declaring it
    /// (as the compiler would, plus a check) stops a self-referencing record before its stack runs out.
    /// </summary>
    private MemberDeclarationSyntax? EqualityContractFor(RecordDeclarationSyntax node)
    {
        if (node.ClassOrStructKeyword.IsKind(SyntaxKind.StructKeyword) || model.GetDeclaredSymbol(node) is not { } record
            || !record.DeclaringSyntaxReferences[0].GetSyntax().Equals(node)
            || record.GetMembers("EqualityContract").Any(m => !m.IsImplicitlyDeclared))
            return null;
        var derived = record.BaseType is { SpecialType: not SpecialType.System_Object } baseType && baseType.GetMembers("EqualityContract").Any();
        var modifiers = derived ? "protected override" : record.IsSealed ? "private" : "protected virtual";
        var self = node.TypeParameterList is { } parameters
            ? $"{node.Identifier.ValueText}<{string.Join(", ", parameters.Parameters.Select(p => p.Identifier.ValueText))}>"
            : node.Identifier.ValueText;
        return ParseMemberDeclaration(
            $"{modifiers} global::System.Type EqualityContract {{ get {{ global::StrategyLint.Analysis.CodeRuleGuard.Check(); return typeof({self}); }} }}");
    }

    private static bool IsInstance(MemberDeclarationSyntax node) =>
        !node.Modifiers.Any(m => m.IsKind(SyntaxKind.StaticKeyword) || m.IsKind(SyntaxKind.ConstKeyword));

    private static VariableDeclarationSyntax GuardedInitializers(VariableDeclarationSyntax declaration) =>
        declaration.WithVariables(SeparatedList(declaration.Variables.Select(
            v => v.Initializer is { } initializer ? v.WithInitializer(initializer.WithValue(GuardedValue(initializer.Value))) : v),
            declaration.Variables.GetSeparators()));

    // The first argument that can carry it gets the check: enough for "A() : this(new A())" to meet one.
    private static ArgumentListSyntax GuardedArguments(ArgumentListSyntax list)
    {
        var index = list.Arguments.IndexOf(a => a.RefKindKeyword.IsKind(SyntaxKind.None) && a.Expression is not DeclarationExpressionSyntax);
        return index < 0 ? list : list.WithArguments(list.Arguments.Replace(list.Arguments[index], list.Arguments[index].WithExpression(GuardedValue(list.Arguments[index].Expression))));
    }

    // "check ? (value) : default!": the value's type and target typing are kept ("new()", "[]" and lambdas still work).
    private static ExpressionSyntax GuardedValue(ExpressionSyntax value) =>
        ParenthesizedExpression(ConditionalExpression(CheckValue, ParenthesizedExpression(value.WithoutTrivia()),
            PostfixUnaryExpression(SyntaxKind.SuppressNullableWarningExpression, LiteralExpression(SyntaxKind.DefaultLiteralExpression))))
        .WithTriviaFrom(value);

    // Methods, constructors, finalizers, operators and conversions share one shape: an expression body becomes a
    // guarded block; a block body gets the check at its start.
    private static BaseMethodDeclarationSyntax GuardBody(BaseMethodDeclarationSyntax visited, bool returnsVoid) =>
        visited.ExpressionBody is { } arrow
            ? visited.WithExpressionBody(null).WithSemicolonToken(default).WithBody(BlockFor(arrow.Expression, returnsVoid))
            : visited.Body is { } body ? visited.WithBody(Guarded(body)) : visited;

    private static BlockSyntax Guarded(BlockSyntax block) => block.WithStatements(block.Statements.Insert(0, Check));

    private static BlockSyntax GuardedStatement(StatementSyntax statement) =>
        statement is BlockSyntax block ? Guarded(block) : Block(Check, statement);

    private static BlockSyntax BlockFor(ExpressionSyntax expression, bool returnsVoid) => Block(
        Check,
        expression is ThrowExpressionSyntax thrown ? ThrowStatement(thrown.Expression)
        : returnsVoid ? ExpressionStatement(expression)
        : ReturnStatement(expression));
}
