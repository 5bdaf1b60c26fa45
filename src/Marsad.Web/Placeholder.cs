namespace Marsad.Web; internal static class Placeholder { }
