// SPDX-License-Identifier: MIT
// The GUI test module: one real wxApp for the whole run; wx asserts fail the test.
#define BOOST_TEST_MODULE coscore_forms_tests
#include <boost/test/unit_test.hpp>

#include <wx/app.h>
#include <wx/filename.h>
#include <wx/image.h>
#include <wx/log.h>
#include <wx/stdpaths.h>
#include <wx/uilocale.h>

#include <stdexcept>
#include <string>

namespace
{

class TestApp : public wxApp
{
public:
    bool OnInit() override
    {
        SetAppName("coscore-tests");
        wxInitAllImageHandlers();
        wxUILocale::UseDefault();
        // Settings (text size, recent rounds, window layout) go to the build's own folder.
        wxStandardPaths::Get().SetFileLayout(wxStandardPaths::FileLayout_XDG);
        wxFileName::Mkdir(wxStandardPaths::Get().GetUserConfigDir(), wxS_DIR_DEFAULT,
                          wxPATH_MKDIR_FULL);
        return true;
    }
};

void FailTestOnWxAssert(const wxString& file, int line, const wxString& func, const wxString& cond,
                        const wxString& msg)
{
    throw std::runtime_error("wx assert " + cond.ToStdString() + " (" + msg.ToStdString() +
                             ") in " + func.ToStdString() + " at " + file.ToStdString() + ":" +
                             std::to_string(line));
}

struct WxAppFixture
{
    WxAppFixture()
    {
        auto& suite = boost::unit_test::framework::master_test_suite();
        wxApp::SetInstance(new TestApp);
        if (!wxEntryStart(suite.argc, suite.argv) || !wxTheApp->CallOnInit())
        {
            throw std::runtime_error("no display: run the GUI tests under xvfb-run");
        }
        wxLog::SetActiveTarget(new wxLogStderr);
        wxSetAssertHandler(&FailTestOnWxAssert);
    }
    ~WxAppFixture()
    {
        wxTheApp->OnExit();
        wxEntryCleanup();
    }
};

} // namespace

BOOST_TEST_GLOBAL_FIXTURE(WxAppFixture);
