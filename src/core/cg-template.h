/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cg-template.h: the workshop templates built into the core library.
 *
 * Templates are session files compiled into the core GResource, so a new
 * session never needs an installed file. Their texts are translated (through
 * the GETTEXT_PACKAGE domain) when a session is made from them.
 */
#pragma once

#include <glib.h>
#include "cg-session.h"

G_BEGIN_DECLS

typedef struct _CgTemplateInfo
{
  char *id;            /* "standard", "family-complex-needs", ... */
  char *name;          /* translated */
  char *description;   /* translated; "" when the template has none */
  char *resource_path; /* where the template lives in the core GResource */
} CgTemplateInfo;

/* The built-in templates: the standard workshop first, then the others by
 * name. A GPtrArray of CgTemplateInfo* with its free function set. */
GPtrArray *cg_template_list (void);

/* A new, unmodified session with an empty history and no file, holding a
 * translated copy of the template's content; its scenario is the template's
 * name and its date is today. Fails with G_IO_ERROR_NOT_FOUND for an id
 * that names no template. */
CgSession *cg_session_new_from_template (const char *template_id, GError **error);

void cg_template_info_free (CgTemplateInfo *info);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CgTemplateInfo, cg_template_info_free)

G_END_DECLS
