/* minimal: the yardstick for start-up, the least an SDL2 program does to show a
 * frame: a 1920x1080 window, the software renderer, one clear and present.
 *   minimal                 prints "first-frame NS" (CLOCK_MONOTONIC) and exits
 *   minimal --time CMD ...  runs CMD (which prints that line too) and prints the
 *                           ms from starting it to its first frame */
#include <SDL.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static long long mono_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static int timed(char **cmd)
{
    int fd[2];
    if (pipe(fd) != 0) return 1;
    long long t0 = mono_ns();
    pid_t pid = fork();
    if (pid == 0) {
        dup2(fd[1], 2);
        close(fd[0]);
        execvp(cmd[0], cmd);
        _exit(127);
    }
    close(fd[1]);
    FILE *f = fdopen(fd[0], "r");
    char line[256];
    long long at = 0;
    while (f && fgets(line, sizeof line, f))
        if (sscanf(line, "first-frame %lld", &at) == 1) break;
    if (f) fclose(f);
    waitpid(pid, NULL, 0);
    if (!at) {
        fprintf(stderr, "minimal: %s never showed a frame\n", cmd[0]);
        return 1;
    }
    printf("%.2f\n", (double)(at - t0) / 1e6);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc > 2 && !strcmp(argv[1], "--time")) return timed(argv + 2);
    SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
    if (SDL_Init(SDL_INIT_VIDEO) != 0) return 1;
    SDL_Window *w = SDL_CreateWindow("minimal", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, 1920, 1080, SDL_WINDOW_SHOWN);
    SDL_Renderer *r = w ? SDL_CreateRenderer(w, -1, SDL_RENDERER_SOFTWARE) : NULL;
    if (!r) return 1;
    SDL_SetRenderDrawColor(r, 0xF6, 0xF3, 0xEC, 255);
    SDL_RenderClear(r);
    SDL_RenderPresent(r);
    fprintf(stderr, "first-frame %lld\n", mono_ns());
    SDL_DestroyRenderer(r);
    SDL_DestroyWindow(w);
    SDL_Quit();
    return 0;
}
