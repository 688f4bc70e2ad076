/* density: how many pixels make a millimetre on this screen (issue 18, real sizes).
 * Every size in the app is in millimetres (STYLE: a 12 mm target), so this one
 * figure decides whether a finger fits. In order: what the command line or the
 * device's own measurement says (ui_set_ppmm); what SDL reads from the display
 * (XRandR's or Wayland's output size, from the monitor's EDID); the X server's
 * core screen size, which SDL does not read (Xvfb -dpi 150 and some projectors
 * say it only there), unless it is Xorg's 96 dpi or Xvfb's 100, the defaults that
 * say nothing;
 * else a 24" wall screen's width is assumed and the app offers to measure. */
#include "ui_int.h"

#include <SDL_syswm.h>
#include <X11/Xlib.h>
#include <math.h>

/* A density is believed between 60 and 600 dpi: outside that a display's report is wrong. */
static float believable(float dpi) { return dpi >= 60 && dpi <= 600 ? dpi / 25.4f : 0; }

/* The X server's core screen: its size in pixels and millimetres. Xlib is SDL's own
 * dependency under X11; the display is SDL's, not opened again. */
static float x11_core(SDL_Window *win)
{
    SDL_SysWMinfo info;
    SDL_VERSION(&info.version);
    if (!win || !SDL_GetWindowWMInfo(win, &info) || info.subsystem != SDL_SYSWM_X11 || !info.info.x11.display) return 0;
    Display *d = info.info.x11.display;
    int s = DefaultScreen(d), mm = DisplayWidthMM(d, s), px = DisplayWidth(d, s);
    if (mm <= 0 || px <= 0) return 0;
    float dpi = (float)px * 25.4f / (float)mm;
    if (fabsf(dpi - 96.0f) < 0.5f || fabsf(dpi - 100.0f) < 0.5f) return 0; /* a server's default: the monitor said nothing */
    return believable(dpi);
}

float ui_display_ppmm(SDL_Window *win)
{
    float ddpi = 0;
    int display = win ? SDL_GetWindowDisplayIndex(win) : -1;
    if (display >= 0 && SDL_GetDisplayDPI(display, &ddpi, NULL, NULL) == 0 && believable(ddpi) > 0) return believable(ddpi);
    return x11_core(win);
}
