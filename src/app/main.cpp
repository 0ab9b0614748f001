// SPDX-License-Identifier: MIT
// main(): --version and --help work without a display (GTK starts before OnInit), then wx.
#include "app.hpp"

#include <cstdlib>
#include <cstring>
#include <iostream>

wxIMPLEMENT_APP_NO_MAIN(coscore::app::CoScoreApp);

#ifndef COSCORE_VERSION
#define COSCORE_VERSION "0.0.0"
#endif

int main(int argc, char** argv)
{
    for (int i = 1; i < argc; ++i)
    {
        if (std::strcmp(argv[i], "--version") == 0 || std::strcmp(argv[i], "-V") == 0)
        {
            std::cout << "coscore " << COSCORE_VERSION << "\n";
            return 0;
        }
        if (std::strcmp(argv[i], "--help") == 0 || std::strcmp(argv[i], "-h") == 0)
        {
            std::cout << coscore::app::HelpText();
            return 0;
        }
    }
    // CoScore draws nothing with OpenGL, yet GTK sets OpenGL up at start to choose a window
    // visual, loading the graphics driver: about 45 ms of a 300 ms start to idle (measured under
    // Xvfb, 9 starts each way). A GDK_GL the user set is kept.
    setenv("GDK_GL", "disable", 0);
    return wxEntry(argc, argv);
}
