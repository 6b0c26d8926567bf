using DualHome.ControlPlane.Tests.Uplinks;
using DualHome.Hardware.Buttons;
using DualHome.Hardware.Status;
using Microsoft.Extensions.Logging.Abstractions;

namespace DualHome.Hardware.Tests.Buttons;

public sealed class ButtonLogicTests : IDisposable
{
    private readonly SimulatedTime _time = new(TestUplinks.T0);
    private readonly ButtonLogic _button;
    private readonly List<(TimeSpan At, string What)> _seen = [];
    private readonly long _origin;

    public ButtonLogicTests()
    {
        _origin = _time.GetTimestamp();
        _button = new ButtonLogic(_time, NullLogger.Instance);
        _button.Pressed += e => _seen.Add((Now, e.ToString()));
        _button.FeedbackChanged += f => _seen.Add((Now, $"feedback {f}"));
    }

    public void Dispose() => _button.Dispose();

    private TimeSpan Now => _time.GetElapsedTime(_origin);

    private static TimeSpan Ms(int ms) => TimeSpan.FromMilliseconds(ms);

    private void Wait(int ms) => _time.Run(Ms(ms));

    /// <summary>A clean press held for <paramref name="ms"/>, then released, then 100 ms of quiet.</summary>
    private void Hold(int ms)
    {
        _button.OnRawEdge(true);
        Wait(ms);
        _button.OnRawEdge(false);
        Wait(100);
    }

    /// <summary>A contact that chatters for a few ms before settling, as real switches do.</summary>
    private void Bounce(bool settleTo)
    {
        foreach (var level in new[] { settleTo, !settleTo, settleTo, !settleTo, settleTo })
        {
            _button.OnRawEdge(level);
            Wait(2);
        }
    }

    [Fact]
    public void AShortPressIsDecidedOnReleaseAfterTheDebounceTime()
    {
        _button.OnRawEdge(true);
        Wait(200);
        Assert.True(_button.IsPressed);
        Assert.Empty(_seen);
        _button.OnRawEdge(false);
        Wait(29);
        Assert.Empty(_seen);
        Wait(1);
        Assert.Equal([(Ms(230), "Short")], _seen);
    }

    [Fact]
    public void BouncesDoNotMakeExtraPresses()
    {
        Bounce(settleTo: true);
        Wait(300);
        Bounce(settleTo: false);
        Wait(100);
        Assert.Equal(["Short"], _seen.Select(s => s.What));
    }

    [Fact]
    public void TimeIsCountedFromWhenTheContactSettled()
    {
        Bounce(settleTo: true);   // settles at 8 ms
        Wait(3008 - 10 - 1);      // 2999 ms after settling: not yet
        Assert.Empty(_seen);
        Wait(2);
        Assert.Equal([(Ms(3008), "feedback Hold3")], _seen);
    }

    [Fact]
    public void AGlitchShorterThanTheDebounceTimeIsIgnored()
    {
        _button.OnRawEdge(true);
        Wait(20);
        _button.OnRawEdge(false);
        Wait(1000);
        Assert.False(_button.IsPressed);
        Assert.Empty(_seen);
    }

    [Theory]
    [InlineData(40, "Short")]
    [InlineData(999, "Short")]
    [InlineData(3000, "Hold3")]
    [InlineData(9999, "Hold3")]
    [InlineData(10000, "Hold10")]
    [InlineData(25000, "Hold10")]
    public void HoldTimeDecidesTheEvent(int ms, string expected)
    {
        Hold(ms);
        Assert.Equal(expected, _seen.Select(s => s.What).Last());
    }

    [Theory]
    [InlineData(1000)]
    [InlineData(2999)]
    public void BetweenAShortPressAndAHoldNothingHappens(int ms)
    {
        Hold(ms);
        Assert.Empty(_seen);
    }

    [Fact]
    public void Hold3GivesFeedbackWhenCrossingAndActsOnRelease()
    {
        _button.OnRawEdge(true);
        Wait(5000);
        _button.OnRawEdge(false);
        Wait(100);
        Assert.Equal([(Ms(3000), "feedback Hold3"), (Ms(5030), "feedback None"), (Ms(5030), "Hold3")], _seen);
    }

    [Fact]
    public void Hold10GivesFeedbackAtBothThresholds()
    {
        _button.OnRawEdge(true);
        Wait(12000);
        _button.OnRawEdge(false);
        Wait(100);
        Assert.Equal(
            [(Ms(3000), "feedback Hold3"), (Ms(10000), "feedback Hold10"), (Ms(12030), "feedback None"), (Ms(12030), "Hold10")],
            _seen);
    }

    [Fact]
    public void ABounceAtTheThresholdDelaysTheFeedbackByOneDebounceTime()
    {
        _button.OnRawEdge(true);
        Wait(2995);
        _button.OnRawEdge(false);  // a 10 ms bounce across the 3 s mark
        Wait(10);
        _button.OnRawEdge(true);
        Wait(500);
        Assert.Equal([(Ms(3030), "feedback Hold3")], _seen); // re-checked one debounce time after the 3 s mark
    }

    [Fact]
    public void EachPressStartsAfresh()
    {
        Hold(4000);
        _seen.Clear();
        Hold(200);
        Assert.Equal(["Short"], _seen.Select(s => s.What));
    }

    [Fact]
    public void FeedbackLevelsInOrder()
    {
        var feedback = new List<ButtonFeedback>();
        _button.FeedbackChanged += feedback.Add;
        Hold(11000);
        Assert.Equal([ButtonFeedback.Hold3, ButtonFeedback.Hold10, ButtonFeedback.None], feedback);
    }
}
