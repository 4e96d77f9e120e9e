namespace SkoleskyssSak.Infrastructure.InterimReplies;

/// <summary>Configuration section "InterimReplies": the job that sends interim replies (fvl. § 11 a).</summary>
public sealed class InterimReplyOptions
{
    public const string Section = "InterimReplies";

    /// <summary>Whether this instance runs the job (all instances may; the case rows are claimed with SKIP LOCKED).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Time between passes. A reply is due on a day, so a quarter of an hour is soon enough.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Cases looked at per pass; a full batch starts the next pass at once.</summary>
    public int BatchSize { get; set; } = 20;
}
