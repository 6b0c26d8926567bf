namespace DualHome.Config.Lifecycle;

/// <summary>What the daemon's applier reports for a commit. On failure the applier must have left the live state
/// as the old configuration had it; <see cref="CandidateConfig.Commit"/> then keeps the old one as running.</summary>
public sealed record ApplyResult(bool Ok, string Message)
{
    public static ApplyResult Success(string message = "applied") => new(true, message);

    public static ApplyResult Failure(string message) => new(false, message);
}
