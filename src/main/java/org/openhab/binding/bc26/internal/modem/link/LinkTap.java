/*
 * Copyright (c) 2010-2026 Contributors to the openHAB project
 *
 * See the NOTICE file(s) distributed with this work for additional
 * information.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * http://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.openhab.binding.bc26.internal.modem.link;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * Sees every byte that crosses a link, both ways, without changing any: what a serial transcript is made of. Called
 * on the thread that writes (sent) and on the link's reader (received); it must return at once.
 *
 * @author BC26 binding contributors - Initial contribution
 */
@NonNullByDefault
public interface LinkTap {

    /** Bytes the host is about to write to the modem. */
    void sent(byte[] data);

    /** Bytes the modem printed. */
    void received(byte[] data, int length);

    /** Opens a link whose traffic this tap sees. */
    default ModemLink open(String port, SerialSettings settings, LinkListener listener) throws LinkException {
        LinkTap tap = this;
        ModemLink link = ModemLinks.open(port, settings, new LinkListener() {
            @Override
            public void bytesReceived(byte[] data, int length) {
                tap.received(data, length);
                listener.bytesReceived(data, length);
            }

            @Override
            public void linkLost(String reason) {
                listener.linkLost(reason);
            }
        });
        return new ModemLink() {
            @Override
            public void write(byte[] data) throws LinkException {
                tap.sent(data);
                link.write(data);
            }

            @Override
            public int bytesWaiting() {
                return link.bytesWaiting();
            }

            @Override
            public String describe() {
                return link.describe();
            }

            @Override
            public void close() {
                link.close();
            }
        };
    }
}
