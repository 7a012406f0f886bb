/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cg-room-page-strings.c: the partner page's fixed strings (buttons,
 * headings, status lines). They live here rather than in room.js so that
 * xgettext finds them and de.po translates them; GET /r/KEY/api/room sends
 * them translated for the phone's language. */
#define G_LOG_DOMAIN "cg-room"
#include "config.h"

#include <glib/gi18n.h>

#include "cg-room.h"
#include "cg-room-page-strings.h"

/* Keys are what room.js looks the text up by (its FALLBACK table holds the
 * same English; tests/browser/check-page-strings.py keeps the two equal).
 * Words in braces ({n}, {total}, {name}, {title}, {message}) are filled in
 * by the page: translations keep them as they are. */
static const CgRoomPageString page_strings[] = {
  { "loading", N_("Loading…") },
  { "choose-partner", N_("Which one are you?") },
  { "choose-hint", N_("Tap your own name. This phone then answers as you.") },
  { "joined", N_("joined") },
  { "you-are", N_("You are {name}") },
  { "not-you", N_("Not you?") },
  { "choose-again", N_("Choose your name again") },
  { "intro", N_("About this lesson") },
  { "prompts", N_("To talk about") },
  { "progress", N_("{n} of {total} answered on this stage") },
  { "room-answered", N_("{n} of {total} partners have answered so far") },
  { "comment-label", N_("Your comment on this lesson") },
  { "comment-hint", N_("Optional. It is saved as you type.") },
  { "your-part", N_("Your part in this task") },
  { "who-accountable", N_("Who is accountable?") },
  { "choose-accountable", N_("Choose a partner") },
  { "involvement-R", N_("Responsible") },
  { "involvement-A", N_("Accountable") },
  { "involvement-C", N_("Consulted") },
  { "involvement-I", N_("Informed") },
  { "involvement-none", N_("Not involved") },
  { "saved", N_("Saved") },
  { "sending", N_("Sending…") },
  { "pending", N_("Not sent yet: kept on this phone and sent when the network is back") },
  { "failed", N_("Not saved: {message}") },
  { "offline",
    N_(
      "No connection to the facilitator's laptop. Your answers are kept on this phone and sent when it is back.") },
  { "the-room", N_("The room") },
  { "room-counts", N_("How the room answered") },
  { "your-answer", N_("(your answer)") },
  { "clear", N_("Clear") },
  { "unclear", N_("Unclear") },
  { "flag-gap", N_("Nobody says they are accountable.") },
  { "flag-overlap", N_("More than one partner says they are accountable.") },
  { "flag-no-doer", N_("Nobody says they do the work.") },
  { "flag-mismatch", N_("Partners name different partners as accountable.") },
  { "revealed",
    N_("The answers are revealed: each card shows how the room answered, without names.") },
  { "stage-now", N_("Now: {title}") },
  { "wait", N_("Look at the screen: the facilitator will tell you when to answer.") },
  { "closed-title", N_("The room has closed") },
  { "closed-text",
    N_("Thank you. Your answers are on the facilitator's laptop. You can close this page.") },
  { "gone-title", N_("This room is not open") },
  { "gone-text",
    N_(
      "The facilitator has closed the room, or opened it again with a new code. Scan the code on the screen again to join.") },
  { "unreachable-title", N_("Cannot reach the facilitator's laptop") },
  { "unreachable-text",
    N_("Check that this phone is on the same Wi-Fi network as the laptop, then try again.") },
  { "retry", N_("Try again") },
  { "seat-freed",
    N_(
      "The facilitator has freed your seat. If you are still taking part, tap your name again.") },
  { "locked",
    N_(
      "The room is locked, so no more phones can join. If you still need to join, ask the facilitator to unlock it.") },
  { "seat-taken",
    N_(
      "Someone has already joined as {name}. If that was not you, ask the facilitator to free that seat, then tap your name again.") },
  { "too-many", N_("Too many tries from this phone. Wait a minute, then try again.") },
  { "error", N_("Something went wrong: {message}") },
  { NULL, NULL }
};

const CgRoomPageString *
cg_room_page_strings (void)
{
  return page_strings;
}

void
cg_room_page_strings_add (JsonBuilder *builder,
                          const char  *lang)
{
  g_return_if_fail (JSON_IS_BUILDER (builder));

  json_builder_set_member_name (builder, "strings");
  json_builder_begin_object (builder);
  for (const CgRoomPageString *s = page_strings; s->key != NULL; s++)
    {
      json_builder_set_member_name (builder, s->key);
      json_builder_add_string_value (builder, cg_room_translate (lang, NULL, s->text));
    }
  json_builder_end_object (builder);
}
