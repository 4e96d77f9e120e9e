namespace SkoleskyssSak.Domain.Rules;

/// <summary>
/// What a rule gives a grade. Ordered by generosity, so the most generous of several is the maximum:
/// YearRound (helårsskyss) &gt; Winter (vinterskyss) &gt; ConsiderWinter (`*`, vinterskyss kan vurderes) &gt; None.
/// </summary>
public enum TransportOutcome
{
    None = 0,
    ConsiderWinter = 1,
    Winter = 2,
    YearRound = 3,
}
