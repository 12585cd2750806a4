/** The HTTP edge shared by every feature: error bodies, request ids, body limits. */
package com.tenx.skills.web;
