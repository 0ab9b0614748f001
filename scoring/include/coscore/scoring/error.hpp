// SPDX-License-Identifier: MIT
// The root of CoScore's exception families (STYLE.md §5) and cancellation, which is not an error.
#pragma once

#include <exception>
#include <stdexcept>
#include <string>

namespace coscore
{

/// An environmental failure with a UTF-8 message that says what happened and what to do.
class Error : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

/// The user cancelled long work. Never shown as an error.
class Cancelled : public std::exception
{
public:
    const char* what() const noexcept override { return "cancelled"; }
};

/// A broken invariant: a bug in CoScore, not in the user's data.
class InternalError : public Error
{
public:
    using Error::Error;
};

} // namespace coscore

#define COSCORE_EXPECTS(cond)                                                                      \
    do                                                                                             \
    {                                                                                              \
        if (!(cond))                                                                               \
        {                                                                                          \
            throw ::coscore::InternalError(std::string("internal error: expected ") + #cond +     \
                                           " at " + __FILE__ + ":" + std::to_string(__LINE__));    \
        }                                                                                          \
    } while (false)
