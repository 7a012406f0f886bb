/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cg-template-private.h: template loading from bytes, for the template fuzz
 * target. The app only ever asks for built-in templates by id. */
#pragma once

#include <glib.h>
#include "cg-session.h"

G_BEGIN_DECLS

/* What cg_session_new_from_template() does once it has found a template's
 * bytes: read its <template> element, load the session and make it a new,
 * translated, unmodified one. @path is where the template lives; its base
 * name must be ID.commonground for the template's id. */
CgSession *cg_template_load_data (GBytes *bytes, const char *path, GError **error);

G_END_DECLS
