/* sound: the soft chime at the end of a phase, generated (no sound file): two
 * bell-like partials with a quick attack and a slow decay. The audio device is
 * opened the first time it is needed; without one the chime is skipped, silently. */
#include "ui.h"

#include <math.h>

enum { RATE = 44100, CHIME_MS = 1600 };

static float chime_buf[RATE * CHIME_MS / 1000];
static SDL_AudioDeviceID device;
static int tried;

static void make_chime(void)
{
    const int n = (int)(sizeof chime_buf / sizeof chime_buf[0]);
    for (int i = 0; i < n; i++) {
        float t = (float)i / RATE;
        float attack = t < 0.012f ? t / 0.012f : 1.0f;
        /* A major sixth (659 and 1109 Hz, E5 and C#6) decaying at different rates: calm, not an alarm. */
        float a = sinf(2.0f * (float)M_PI * 659.25f * t) * expf(-t * 2.6f);
        float b = sinf(2.0f * (float)M_PI * 1108.7f * t) * expf(-t * 4.0f) * (t > 0.18f ? 1.0f : 0.0f);
        chime_buf[i] = 0.22f * attack * (a + 0.7f * b);
    }
}

void ui_chime(ui_ctx *ctx)
{
    ctx->chimes++;
    if (!tried) {
        tried = 1;
        if (SDL_InitSubSystem(SDL_INIT_AUDIO) != 0) return;
        SDL_AudioSpec want = {0}, have;
        want.freq = RATE;
        want.format = AUDIO_F32SYS;
        want.channels = 1;
        want.samples = 1024;
        device = SDL_OpenAudioDevice(NULL, 0, &want, &have, 0);
        if (device) {
            make_chime();
            SDL_PauseAudioDevice(device, 0);
        }
    }
    if (!device) return;
    SDL_ClearQueuedAudio(device);
    SDL_QueueAudio(device, chime_buf, sizeof chime_buf);
}

void ui_sound_quit(void)
{
    if (device) SDL_CloseAudioDevice(device);
    device = 0;
    if (tried) SDL_QuitSubSystem(SDL_INIT_AUDIO);
    tried = 0;
}
