// SPDX-License-Identifier: MIT
#include <coscore/forms/run_guarded.hpp>
#include <coscore/forms/string_convert.hpp>
#include <coscore/scoring/error.hpp>

#include <wx/log.h>
#include <wx/window.h>

namespace coscore::forms
{

bool RunGuarded(wxWindow* /*parent*/, const std::function<void()>& fn)
{
    try
    {
        fn();
        return true;
    }
    catch (const Cancelled&)
    {
        return false;
    }
    catch (const Error& e)
    {
        wxLogError("%s", ToWx(e.what()));
    }
    catch (const std::exception& e)
    {
        wxLogError(_("Something went wrong inside CoScore: %s\nNothing was changed. Please report "
                     "this to your IT support."),
                   ToWx(e.what()));
    }
    return false;
}

} // namespace coscore::forms
