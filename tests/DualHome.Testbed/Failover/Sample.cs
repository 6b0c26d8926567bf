namespace DualHome.Testbed.Failover;

/// <summary>Summary of repeated measurements in milliseconds; runs that never reached the event are counted apart.</summary>
public sealed record Sample(string Name, IReadOnlyList<double> Values, int Missing)
{
    public static Sample Of(string name, IEnumerable<TimeSpan?> times)
    {
        var list = times.ToList();
        return new Sample(name, list.Where(t => t is not null).Select(t => t!.Value.TotalMilliseconds).Order().ToList(),
            list.Count(t => t is null));
    }

    public int Runs => Values.Count + Missing;
    public double? Min => Values.Count > 0 ? Values[0] : null;
    public double? Max => Values.Count > 0 ? Values[^1] : null;

    public double? Median => Values.Count switch
    {
        0 => null,
        var n when n % 2 == 1 => Values[n / 2],
        var n => (Values[n / 2 - 1] + Values[n / 2]) / 2,
    };
}
