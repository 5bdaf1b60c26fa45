namespace Marsad.Store; internal static class Placeholder { }
