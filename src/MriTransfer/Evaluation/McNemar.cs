namespace MriTransfer.Evaluation;

/// <summary>Discordant pairs of two classifiers on the same subjects and the exact two-sided McNemar p-value.</summary>
public sealed record McNemarResult(int OnlyFirstCorrect, int OnlySecondCorrect, double PValue);

/// <summary>McNemar's exact test: under H0 the discordant pairs split Binomial(b + c, 1/2).</summary>
public static class McNemar
{
    public static McNemarResult Exact(IReadOnlyList<bool> firstCorrect, IReadOnlyList<bool> secondCorrect)
    {
        if (firstCorrect.Count != secondCorrect.Count) throw new ArgumentException("both classifiers must score the same subjects");
        int b = 0, c = 0;
        for (var i = 0; i < firstCorrect.Count; i++)
        {
            if (firstCorrect[i] && !secondCorrect[i]) b++;
            if (!firstCorrect[i] && secondCorrect[i]) c++;
        }
        return new McNemarResult(b, c, ExactPValue(b, c));
    }

    /// <summary>min(1, 2 · P(X ≤ min(b, c))) with X ~ Binomial(b + c, 1/2); 1 when there are no discordant pairs.</summary>
    public static double ExactPValue(int b, int c)
    {
        if (b < 0 || c < 0) throw new ArgumentOutOfRangeException(nameof(b), "counts must be non-negative");
        var n = b + c;
        if (n == 0) return 1.0;
        var k = Math.Min(b, c);
        double tail = 0;
        for (var i = 0; i <= k; i++) tail += Math.Exp(LogChoose(n, i) - n * Math.Log(2));
        return Math.Min(1.0, 2 * tail);
    }

    private static double LogChoose(int n, int k)
    {
        double sum = 0;
        for (var i = 1; i <= k; i++) sum += Math.Log(n - k + i) - Math.Log(i);
        return sum;
    }
}
