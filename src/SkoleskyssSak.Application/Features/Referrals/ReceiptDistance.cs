using SkoleskyssSak.Domain.Cases;
using SkoleskyssSak.Domain.Municipalities;
using SkoleskyssSak.Domain.Rules;

namespace SkoleskyssSak.Application.Features.Referrals;

/// <summary>
/// What the receipt says of the guardian's own distance estimate (issue 11): beyond the grade's limit (opplæringslova
/// § 4-1 first paragraph) the municipality will check the distance and, if the limit is exceeded, send the case (or that
/// home's part) to the county, which then answers. Nothing is referred at submission, so the receipt never says it was,
/// and for a case whose every home is beyond it promises no municipal answer.
/// </summary>
/// <param name="HomesBeyond">How many homes the guardian estimated beyond the limit.</param>
public sealed record ReceiptDistance(int Grade, int Homes, int HomesBeyond)
{
    public static ReceiptDistance Of(ApplicationForm form)
    {
        var grade = form.Child?.Grade ?? 0;
        return new ReceiptDistance(grade, form.Homes.Count, grade == 0 ? 0 : form.Homes.Count(h => DistanceEntitlement.Applies(grade, h.WalkingDistanceKm)));
    }

    public decimal LimitKm => DistanceEntitlement.LimitKm(Grade);

    /// <summary>Every home is estimated beyond the limit: the municipality may not be the one to answer at all.</summary>
    public bool AllHomesBeyond => Homes > 0 && HomesBeyond == Homes;

    /// <summary>The text key of the receipt: null when no home is estimated beyond the limit.</summary>
    public string? TextKey => HomesBeyond == 0 ? null : AllHomesBeyond ? "ReceiptDistanceCheck" : "ReceiptDistanceCheckOneHome";

    /// <summary>The receipt's paragraph in the municipality's language form (the e-mail), or null.</summary>
    public string? Text(LanguageForm language) =>
        TextKey is { } key ? ReferralTexts.Format(key, language, ReferralTexts.Km(LimitKm, language), Grade) : null;
}
